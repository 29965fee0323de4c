import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { officeGateway } from './office-gateway.js';

const container = document.getElementById('root');
const paneSends = new URLSearchParams(window.location.search).get('send') === 'mailbox';
if (container !== null) createRoot(container).render(<App gateway={officeGateway(window.location.origin, paneSends)} />);
