import { act, render } from '@testing-library/react';
import { useEffect, useState } from 'react';
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
    expect(document.activeElement?.textContent).toBe('Late page');
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
});
