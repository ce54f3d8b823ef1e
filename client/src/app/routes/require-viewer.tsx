import { Navigate, Outlet } from 'react-router';
import { PageLoadError, PageLoading } from '../../components/layout/page-status';
import { type PersonRole } from '../../generated/graphql';
import { useBootQuery, viewerQuery } from '../../lib/boot-query';
import { useLanguage } from '../../lib/use-language';
import { ForbiddenRoute } from './forbidden-route';

interface RequireViewerProps {
  /** Whether the portal's terms of use must have been accepted in this session (every page but the terms). */
  terms?: boolean;
  role?: PersonRole;
}

/**
 * Guards the pages behind sign-in: no session -> the GCKey sign-in page; terms of use not accepted
 * in this session -> the terms page; wrong role -> "access denied".
 */
export function RequireViewer({ terms = true, role }: RequireViewerProps) {
  const language = useLanguage();
  const { data, loading, error } = useBootQuery(viewerQuery);
  if (!data && loading) return <PageLoading />;
  if (!data && error) return <PageLoadError />;
  const me = data?.me;
  if (!me) return <Navigate replace to={`/${language}/sign-in/gckey`} />;
  if (terms && !me.termsAccepted) return <Navigate replace to={`/${language}/terms`} />;
  if (role && me.role !== role) return <ForbiddenRoute />;
  return <Outlet />;
}
