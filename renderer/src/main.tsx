import { FluentProvider } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { keepBackgroundInertUnderModals } from './modal-background';
import { followBackendChanges, queryClient } from './queries';
import { useOsTheme } from './use-os-theme';

function Root() {
  const theme = useOsTheme();
  useEffect(() => followBackendChanges(), []);
  return (
    <FluentProvider theme={theme} style={{ height: '100%' }}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
keepBackgroundInertUnderModals(container);
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
