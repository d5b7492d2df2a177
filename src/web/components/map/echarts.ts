/**
 * ECharts with only what a choropleth needs. This module is reached through a dynamic import only, so its
 * weight lands in the map's own chunk and never in the first page.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, VisualMapComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
