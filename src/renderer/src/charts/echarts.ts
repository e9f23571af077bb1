/**
 * The one ECharts instance factory for the renderer: `echarts/core` with the canvas renderer
 * and tooltips (every chart has one). Chart types and the components they need are registered
 * by the option builders that use them (basicOptions, mapOptions, trendOption), so each lands
 * in the code of the pages that draw it and the wall's first page carries only its own.
 * Full echarts is ~2.5× the bundle: register here or in a builder before using more.
 */
import * as echarts from 'echarts/core';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsType } from 'echarts/core';
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
