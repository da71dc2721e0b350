import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { consumeHashToken } from './auth/consumeHashToken.js';
import { loadToken } from './auth/tokenStorage.js';
import { initI18n } from './i18n/i18n.js';
import './styles.css';

initI18n();
// The login link's token wins over a stored one (it may be a rotated token); it leaves the URL before anything renders.
const initialToken = consumeHashToken() ?? loadToken(localStorage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialToken={initialToken} />
  </StrictMode>,
);
