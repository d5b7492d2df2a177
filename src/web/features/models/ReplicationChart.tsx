/**
 * The spread of a model drawn as a tree (ECharts), left to right from the model viewed; a click opens a model.
 * Loaded lazily (default export): ECharts stays out of every other page.
 */
import { useMemo, useRef } from 'react';
import type { ReplicationTree } from '../../api/models';
import { useChart } from '../../components/charts/useChart';

interface ChartNode {
  name: string;
  value: number;
  children: ChartNode[];
  itemStyle?: { color: string; borderColor: string };
}

export default function ReplicationChart({
  tree,
  hiddenLabel,
  ariaLabel,
  onOpen,
}: {
  tree: ReplicationTree;
  hiddenLabel: (count: number) => string;
  ariaLabel: string;
  onOpen: (id: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { root, depth, leaves } = useMemo(() => {
    const byId = new Map<number, ChartNode>();
    let rootNode: ChartNode | undefined;
    let maxDepth = 0;
    for (const node of tree.nodes) {
      const label = `${node.name}\n${node.leadUnit.fullName}${node.hiddenChildren > 0 ? `\n${hiddenLabel(node.hiddenChildren)}` : ''}`;
      const item: ChartNode = { name: label, value: node.id, children: [] };
      if (node.parentId === null || !byId.has(node.parentId)) {
        rootNode ??= { ...item, itemStyle: { color: '#b71c1c', borderColor: '#b71c1c' } };
        byId.set(node.id, rootNode);
      } else {
        byId.get(node.parentId)!.children.push(item);
        byId.set(node.id, item);
      }
      maxDepth = Math.max(maxDepth, node.depth);
    }
    const leafCount = [...byId.values()].filter((node) => node.children.length === 0).length;
    return { root: rootNode, depth: maxDepth, leaves: leafCount };
  }, [tree, hiddenLabel]);

  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' as const, triggerOn: 'mousemove' as const },
      series: [
        {
          type: 'tree' as const,
          data: root ? [root] : [],
          orient: 'LR' as const,
          top: 16,
          bottom: 16,
          left: 16,
          right: 220,
          symbolSize: 12,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          itemStyle: { color: '#fff', borderColor: '#b71c1c', borderWidth: 2 },
          lineStyle: { color: '#bfbfbf', width: 1.5 },
          label: { position: 'right' as const, align: 'left' as const, fontSize: 12, lineHeight: 16 },
          leaves: { label: { position: 'right' as const, align: 'left' as const } },
        },
      ],
    }),
    [root],
  );
  useChart(box, option, (data) => {
    const id = (data as { value?: unknown } | undefined)?.value;
    if (typeof id === 'number') onOpen(id);
  });
  return (
    <div
      ref={box}
      className="replication-chart"
      role="img"
      aria-label={ariaLabel}
      style={{ height: Math.max(200, leaves * 64), minWidth: Math.min(1200, 320 + depth * 260) }}
    />
  );
}
