import '@cdssnc/gcds-components-react/gcds.css';
import './app/fonts.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';

// The dev server's warnings (duplicate keys, bad nesting, hooks misused), which React gave in development;
// not in a build (docs/decisions/0053).
if (import.meta.env.DEV) await import('preact/debug');

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProvider>
      <RouterProvider router={createAppRouter()} />
    </AppProvider>
  </StrictMode>,
);
