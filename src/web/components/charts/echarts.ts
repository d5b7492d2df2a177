/**
 * ECharts with only what the registry charts need (bars and trees). Reached through dynamic imports only, so its
 * weight lands in the charts' own chunks and never in the first page.
 */
import { BarChart, TreeChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, TreeChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
