import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n, pickLanguage } from './i18n';
import './styles/tokens.css';
import './styles/global.css';

const root = document.getElementById('root');
if (root) {
  // the active language's catalogue first (its own chunk), then the first render: no raw keys
  void createI18n(pickLanguage()).then((i18n) => {
    createRoot(root).render(
      <StrictMode>
        <App i18n={i18n} />
      </StrictMode>,
    );
  });
}
