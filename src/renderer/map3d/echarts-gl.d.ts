// echarts-gl ships no type declarations; the frame imports it only for its side effect
// (registering map3D and the other GL series with echarts).
declare module 'echarts-gl';
