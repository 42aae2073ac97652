import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrap, changeLanguage, systemLanguage } from './app/bootstrap';
import { getHost } from './platform/host';
import { useStore } from './app/store';
import { initI18n } from './i18n';
import './ui/styles.css';

async function main(): Promise<void> {
  await initI18n(systemLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App onLanguageChange={(language) => void changeLanguage(useStore, language)} />
    </StrictMode>,
  );
  await bootstrap(getHost(), useStore);
}

void main();
