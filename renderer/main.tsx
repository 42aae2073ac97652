import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrap, changeLanguage, signOutAgent, systemLanguage } from './app/bootstrap';
import { getHost } from './platform/host';
import { createAppStore } from './app/store';
import { StoreProvider } from './platform/store';
import { initI18n } from './i18n';
import { messageBundles } from './app/bundles';
import './ui/styles.css';

async function main(): Promise<void> {
  const store = createAppStore();
  await initI18n(systemLanguage(), messageBundles);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App onLanguageChange={(language) => void changeLanguage(store, language)} onSignOut={() => void signOutAgent()} />
      </StoreProvider>
    </StrictMode>,
  );
  await bootstrap(getHost(), store);
}

void main();
