import { app } from 'electron';

app.whenReady().then(() => {
  // Placeholder until the wall application lands.
});
