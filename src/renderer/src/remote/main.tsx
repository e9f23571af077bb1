import { createRoot } from 'react-dom/client';
// The shipped Chinese font (a phone may have none of its own); only the subsets used are fetched.
import '../fonts/noto-sans-sc-400.css';
import '../fonts/noto-sans-sc-700.css';
import '../presenter/presenter.css';
import './remote.css';
import { Remote } from './Remote';

createRoot(document.getElementById('root')!).render(<Remote />);
