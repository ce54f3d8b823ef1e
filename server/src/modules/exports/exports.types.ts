import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../common/graphql/connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { ExportFormat, ExportStatus } from './exports.service.js';

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'How an export writes its rows.',
  valuesConfig: {
    NDJSON: { description: 'One JSON object (a node of the paged connection) a line.' },
    CSV: {
      description:
        'RFC 4180 with a header; columns are the node’s selected fields (nested as `a.b`, lists joined with `; `), formula-like text made inert.',
    },
  },
});

registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  description: 'Where an export is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Pages are being read and written.' },
    READY: { description: 'The file can be downloaded (until expiresAt).' },
    FAILED: { description: 'Stopped for good; errorCode says why. No file is kept.' },
    EXPIRED: { description: 'The file was deleted after its keeping period.' },
  },
});

@ObjectType('Export', {
  description:
    'A bulk export: a named report or a saved query run in the background over all its pages, written as NDJSON or CSV. Seen only by the token or the person that started it.',
})
export class ExportNode {
  @Field(() => ID, { description: 'The export’s id (opaque).' })
  id: string;

  @Field(() => ExportStatus, { description: 'Where the export is.' })
  status: ExportStatus;

  @Field(() => ExportFormat, { description: 'The file’s format.' })
  format: ExportFormat;

  @Field(() => String, { nullable: true, description: 'The named report, or null for a saved query.' })
  report: string | null;

  @Field(() => Int, { description: 'Pages read and written so far.' })
  pagesDone: number;

  @Field(() => Int, { description: 'Rows written so far.' })
  rows: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The rows to expect, when the query selects the connection’s totalCount.',
  })
  totalRows: number | null;

  @Field(() => Int, { nullable: true, description: 'The file’s size in bytes, once READY.' })
  sizeBytes: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it FAILED: QUERY_FAILED (errorMessage says what the API answered), CALLER_GONE (the token was revoked or the person lost access), TOO_MANY_ATTEMPTS, TOO_LARGE.',
  })
  errorCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The first error the query met, in the export’s language.',
  })
  errorMessage: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where to GET the file (same authentication as /graphql: the session cookie or the bearer token), once READY.',
  })
  downloadUrl: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was started.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it became READY or FAILED.' })
  finishedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a READY file will be deleted.' })
  expiresAt: Date | null;
}

@ObjectType('ExportEdge', { description: 'An export in a page of exports.' })
export class ExportEdge {
  @Field(() => String, { description: 'Pass as `after` to read the exports after this one.' })
  cursor: string;

  @Field(() => ExportNode, { description: 'The export.' })
  node: ExportNode;
}

@ObjectType('ExportConnection', { description: 'A page of the caller’s exports, newest first.' })
export class ExportConnection {
  @Field(() => [ExportEdge], { description: 'The exports of this page.' })
  edges: ExportEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;
}

@InputType({
  description: 'An export to start: a named report (`npm run report`’s names) or a saved query, not both.',
})
export class StartExportInput {
  @Field(() => String, {
    nullable: true,
    description: 'A named report: clients, delegation, notices, transactions (docs/api.md).',
  })
  report?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A saved query (at most 20,000 characters) that pages one connection: it declares $after and passes it as `after: $after`.',
  })
  query?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The query’s variables as a JSON object (at most 2,000 characters), e.g. {"from":"2026-01-01","to":"2026-03-31"}; `after` is the export’s own.',
  })
  variables?: string | null;

  @Field(() => ExportFormat, { defaultValue: ExportFormat.NDJSON, description: 'NDJSON (default) or CSV.' })
  format: ExportFormat;
}

@ObjectType({ description: 'The export started, or what was wrong with the input.' })
export class StartExportPayload extends UserErrorsPayload {
  @Field(() => ExportNode, { nullable: true, description: 'The queued export; null on userErrors.' })
  export: ExportNode | null;
}
