/**
 * The secret of an `Authorization: Bearer <secret>` header; undefined without a Bearer header (other schemes
 * are not ours). A malformed Bearer header answers '' so that it is refused as an invalid token, not ignored.
 */
export function readBearerToken(header: string | undefined): string | undefined {
  if (!header || !/^bearer(\s|$)/i.test(header)) return undefined;
  return header.slice('bearer'.length).trim();
}
