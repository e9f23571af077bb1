import { createRoot } from 'react-dom/client';
import './styles/fonts';
import './styles/wall.css';
import { App } from './App';
import { startLive } from './data/live';
import { installCanvasTextMeasure } from './shell/canvasTextMeasure';

installCanvasTextMeasure();
// Listen to the core before the first render so the link state is known from the start.
startLive();
createRoot(document.getElementById('root')!).render(<App />);
