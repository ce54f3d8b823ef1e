/** What a route of router.tsx tells the frame through its `handle`. */
export interface RouteHandle {
  /** The route's pages are behind sign-in (RequireViewer): the frame keeps the signed-in menu's place. */
  signedIn?: boolean;
}
