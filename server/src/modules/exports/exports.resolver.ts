import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { activeBusinessOf } from '../businesses/businesses.service.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import { type ExportJob } from './exports.entities.js';
import {
  exportDownloadPath,
  type ExportCaller,
  type ExportFormat,
  ExportStatus,
  findOwnExport,
  ownExportsPage,
  startExport,
} from './exports.service.js';
import { ExportConnection, ExportNode, StartExportInput, StartExportPayload } from './exports.types.js';

/** The caller as exports know them: the token, or the signed-in person and their active business. */
export function exportCaller(ctx: AppContext): ExportCaller {
  const token = ctx.session.apiToken;
  if (token) return { kind: 'token', tokenId: token.token.id, businessId: token.token.businessId };
  const { session, user } = requireTermsAccepted(ctx);
  return { kind: 'person', userId: user.id, businessId: session.activeBusinessId };
}

export function exportNode(row: ExportJob): ExportNode {
  return {
    id: row.id,
    status: row.status as ExportStatus,
    format: row.format as ExportFormat,
    report: row.reportName,
    pagesDone: row.pagesDone,
    rows: row.rowsDone,
    totalRows: row.totalRows,
    sizeBytes: row.sizeBytes,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    downloadUrl: row.status === String(ExportStatus.READY) ? exportDownloadPath(row.id) : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
  };
}

@Resolver()
export class ExportsResolver {
  @Mutation(() => StartExportPayload, {
    description:
      'Starts a bulk export of a named report or a saved query (docs/api.md "Bulk exports"). It runs in the background over every page, as the caller and under the same access rules; read its progress with `export(id:)`, download it from `downloadUrl` once READY (an EXPORT_READY event says so). A READ token may start one. At most 5 of a caller’s exports wait or run at once.',
  })
  async startExport(
    @Arg('input', () => StartExportInput, { description: 'What to export and in which format.' })
    input: StartExportInput,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StartExportPayload> {
    const caller = exportCaller(ctx);
    // A person's export acts for the business they act for now: the session's choice, else their first one.
    if (caller.kind === 'person') {
      const business = await activeBusinessOf(
        ctx.dataSource,
        requireTermsAccepted(ctx).session,
        caller.userId,
      );
      caller.businessId = business?.id ?? null;
    }
    const result = await startExport(ctx.dataSource, ctx.config, info.schema, caller, {
      ...input,
      lang: ctx.lang,
    });
    return result.ok
      ? { export: exportNode(result.job), userErrors: [] }
      : { export: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Query(() => ExportNode, {
    nullable: true,
    description: 'One of the caller’s exports, with its progress; null when unknown or someone else’s.',
  })
  async export(
    @Arg('id', () => ID, { description: 'The export’s id, as startExport answered it.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<ExportNode | null> {
    const row = await findOwnExport(ctx.dataSource, exportCaller(ctx), id);
    return row ? exportNode(row) : null;
  }

  @Query(() => ExportConnection, {
    description: 'The caller’s exports (the token’s, or the signed-in person’s), newest first.',
  })
  async exports(
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100; 25 when omitted.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after?: string,
  ): Promise<ExportConnection> {
    const page = await ownExportsPage(ctx.dataSource, exportCaller(ctx), first, after);
    const edges = page.rows.map((row) => ({ cursor: page.cursorOf(row), node: exportNode(row) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
