import { act, render } from '@testing-library/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headingWaitMs, PageFocus } from './page-focus';

// A page whose h1 shows only when the test says so (a page waiting for its query on a loaded machine).
let showHeading: (show: boolean) => void = () => {};
function LatePage() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    showHeading = setShow;
  }, []);
  return show ? <h1>Late page</h1> : <input aria-label="Search" />;
}

// A page whose h1 is there at once but refuses focus until it is drawn: the app hides a GCDS element until
// Stencil marks it `.hydrated` (global.css), and a hidden element cannot take focus. On a loaded machine
// the mark comes after the page's commit.
let hydrate: () => void = () => {};
function HydratingPage() {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    const element = heading.current!;
    element.focus = function focusWhenShown(this: HTMLElement, options?: FocusOptions) {
      if (this.classList.contains('hydrated')) HTMLElement.prototype.focus.call(this, options);
    };
    hydrate = () => element.classList.add('hydrated');
  }, []);
  return <h1 ref={heading}>Hydrating page</h1>;
}

function renderPages() {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <div id="main">
            <Outlet />
            <PageFocus within="main" />
          </div>
        ),
        children: [
          { path: 'first', element: <h1>First page</h1> },
          { path: 'late', element: <LatePage /> },
          { path: 'hydrating', element: <HydratingPage /> },
        ],
      },
    ],
    { initialEntries: ['/first'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('focus on the new page’s h1 (issue 14, defect 4)', () => {
  afterEach(() => vi.useRealTimers());

  it('still moves to an h1 that shows more than 3 seconds after the page changed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const router = renderPages();
    await act(() => router.navigate('/late'));
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(headingWaitMs).toBeGreaterThan(5000);
    act(() => showHeading(true));
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(document.activeElement).toBe(document.querySelector('h1'));
  });

  it('leaves focus where the person put it while the page was loading', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const router = renderPages();
    await act(() => router.navigate('/late'));
    const search = document.querySelector('input')!;
    search.focus();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    act(() => showHeading(true));
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(document.activeElement?.tagName).not.toBe('H1');
  });

  it('tries again when the h1 is there but did not take focus (a GCDS heading not drawn yet)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const router = renderPages();
    await act(() => router.navigate('/hydrating'));
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(document.activeElement?.tagName).not.toBe('H1');
    act(() => hydrate());
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(document.activeElement).toBe(document.querySelector('h1'));
    expect(document.querySelector('[data-testid="page-announcer"]')?.textContent).toBe(document.title);
  });
});
