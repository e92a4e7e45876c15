import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n, pickLanguage } from './i18n';
import './styles/tokens.css';
import './styles/global.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App i18n={createI18n(pickLanguage())} />
    </StrictMode>,
  );
}
