import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { officeGateway } from './office-gateway.js';

const container = document.getElementById('root');
if (container !== null) createRoot(container).render(<App gateway={officeGateway(window.location.origin)} />);
