import '@cdssnc/gcds-components-react/gcds.css';
import './app/fonts.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { viewerQuery } from './lib/boot-query';

// The dev server's warnings (duplicate keys, bad nesting, hooks misused), which React gave in development;
// not in a build (docs/decisions/0053).
if (import.meta.env.DEV) await import('preact/debug');

// Who is signed in travels while the first page's chunk and words load, rather than after them: the frame and
// the pages behind sign-in wait for it (docs/decisions/0036, 0061).
viewerQuery.ask();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProvider>
      <RouterProvider router={createAppRouter()} />
    </AppProvider>
  </StrictMode>,
);
