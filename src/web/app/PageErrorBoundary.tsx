import { Component, type ReactNode } from 'react';
import { RouteErrorPage } from './ErrorPages';

interface Props {
  /** Changes on navigation; a failed page is retried when it does. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  failedAt: string | undefined;
}

/**
 * Keeps the shell usable when a page throws while rendering, most often because a lazily loaded chunk is gone
 * after a new build was installed. Navigating elsewhere clears the failure without remounting healthy pages.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, failedAt: undefined };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.failed && state.failedAt === undefined) return { failedAt: props.resetKey };
    if (state.failed && state.failedAt !== props.resetKey) return { failed: false, failedAt: undefined };
    return null;
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}
