import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('cockpit', {});
