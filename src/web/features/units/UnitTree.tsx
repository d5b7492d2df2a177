/**
 * The hierarchy as a tree that loads one level at a time: the top of the user's scope on the chosen date (the
 * provinces for a national user, their own province for a province user), then the children of whatever is
 * expanded. Opening a unit from elsewhere (search, map, a lineage link) expands its ancestors and
 * brings it into view.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Empty, Spin, Tree, type TreeDataNode } from 'antd';
import { type Key, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IsoDate } from '../../../domain/dates';
import { ApiError } from '../../api/client';
import { type UnitSummary, unitQueries } from '../../api/units';
import { useT } from '../../app/i18n';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A little longer than Ant Design's expand animation. */
const EXPAND_MOTION_MS = 350;

function UnitTreeTitle({ unit }: { unit: UnitSummary }) {
  return (
    <span className="unit-tree-title" data-unit-id={unit.id}>
      <span>{unit.fullName}</span>
      {/* Official codes are what officers quote; codes generated for local units would only add noise here. */}
      {unit.source === 'official' && <span className="unit-code">{unit.code}</span>}
      <DemoTag source={unit.source} />
    </span>
  );
}

function toNodes(
  units: readonly UnitSummary[],
  childrenOf: ReadonlyMap<number, UnitSummary[]>,
): TreeDataNode[] {
  return units.map((unit) => {
    const children = childrenOf.get(unit.id);
    return {
      key: String(unit.id),
      title: <UnitTreeTitle unit={unit} />,
      isLeaf: unit.childCount === 0,
      ...(children ? { children: toNodes(children, childrenOf) } : {}),
    };
  });
}

/** Scrolls only the tree's own box: the page itself must not jump while the user reads the detail. */
function scrollNodeIntoView(container: HTMLElement, id: number): void {
  const node = container.querySelector<HTMLElement>(`[data-unit-id="${id}"]`);
  if (!node) return;
  const nodeTop =
    node.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  const visibleTop = container.scrollTop;
  const visibleBottom = visibleTop + container.clientHeight;
  if (nodeTop < visibleTop || nodeTop + node.offsetHeight > visibleBottom) {
    container.scrollTop = Math.max(0, nodeTop - container.clientHeight / 3);
  }
}

export interface UnitTreeProps {
  asOf: IsoDate;
  selectedId: number | undefined;
  /** Ancestors of the selected unit, province first: expanded so that the selection shows. */
  revealPath: readonly number[] | undefined;
  onSelect: (id: number) => void;
}

export function UnitTree({ asOf, selectedId, revealPath, onSelect }: UnitTreeProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const roots = useQuery(unitQueries.roots(asOf));
  const [childrenOf, setChildrenOf] = useState<ReadonlyMap<number, UnitSummary[]>>(new Map());
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const [scrollRequest, setScrollRequest] = useState(0);
  const [loadError, setLoadError] = useState<string | undefined>();
  const scrollBox = useRef<HTMLDivElement>(null);

  const ensureChildren = useCallback(
    async (id: number) => {
      const items = await queryClient.fetchQuery(unitQueries.children(id, asOf));
      setChildrenOf((previous) => (previous.has(id) ? previous : new Map(previous).set(id, items)));
    },
    [queryClient, asOf],
  );

  const loadData = useCallback(
    async (node: TreeDataNode) => {
      setLoadError(undefined);
      try {
        await ensureChildren(Number(node.key));
      } catch (error) {
        setLoadError(error instanceof ApiError && error.fromServer ? error.message : t.errors.network);
        // Rejecting keeps the branch "not loaded", so collapsing and expanding it again retries.
        throw error;
      }
    },
    [ensureChildren, t],
  );

  const revealKey = revealPath?.join('/');
  // biome-ignore lint/correctness/useExhaustiveDependencies: revealKey stands for revealPath, whose array identity changes on every render.
  useEffect(() => {
    if (!revealPath || !roots.data) return;
    // Ancestors above the user's scope are not in the tree (and answer 404): expand from the first root down.
    const rootIds = new Set(roots.data.items.map((unit) => unit.id));
    const start = revealPath.findIndex((id) => rootIds.has(id));
    const path = start === -1 ? [] : revealPath.slice(start);
    let cancelled = false;
    void (async () => {
      try {
        for (const id of path) await ensureChildren(id);
      } catch {
        // The tree stays as it was; the detail panel shows the unit and any error on its own.
        return;
      }
      if (cancelled) return;
      setExpandedKeys((previous) => [...new Set([...previous, ...path.map(String)])]);
      setScrollRequest((count) => count + 1);
    })();
    return () => {
      cancelled = true;
    };
  }, [revealKey, roots.data, ensureChildren]);

  useEffect(() => {
    if (scrollRequest === 0 || selectedId === undefined) return;
    // Expanding animates the height of the new branches; measure once they have their final size.
    const timer = window.setTimeout(() => {
      if (scrollBox.current) scrollNodeIntoView(scrollBox.current, selectedId);
    }, EXPAND_MOTION_MS);
    return () => window.clearTimeout(timer);
  }, [scrollRequest, selectedId]);

  const treeData = useMemo(
    () => (roots.data ? toNodes(roots.data.items, childrenOf) : []),
    [roots.data, childrenOf],
  );

  if (roots.isPending) return <Spin className="unit-tree__spin" />;
  if (roots.isError) return <ErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
  if (treeData.length === 0) return <Empty description={t.units.treeEmpty} />;

  return (
    <div className="unit-tree" ref={scrollBox}>
      {loadError && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setLoadError(undefined) }}
          title={loadError}
        />
      )}
      <Tree
        blockNode
        showLine
        treeData={treeData}
        loadData={loadData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={selectedId === undefined ? [] : [String(selectedId)]}
        onSelect={(_keys, info) => onSelect(Number(info.node.key))}
        aria-label={t.units.treeTitle}
      />
    </div>
  );
}
