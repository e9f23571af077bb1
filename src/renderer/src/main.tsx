import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>区域平安驾驶舱</h1>);
