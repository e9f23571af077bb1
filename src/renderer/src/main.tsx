import { createRoot } from 'react-dom/client';
import './styles/fonts';
import './styles/wall.css';
import { App } from './App';
import { startLive } from './data/live';
import { installCanvasTextMeasure } from './shell/canvasTextMeasure';
import { applyLevelCssVariables } from '../palette/levelColors';

// CSS reads the five colours from the same module the charts use, before anything paints.
applyLevelCssVariables(document.documentElement.style);
installCanvasTextMeasure();
// Listen to the core before the first render so the link state is known from the start.
startLive();
createRoot(document.getElementById('root')!).render(<App />);
