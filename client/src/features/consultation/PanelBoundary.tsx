import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PanelFailure } from './PanelFailure';

interface PanelBoundaryProps {
  /** Which panel, for the message and the test id (`panel-error-<name>`). */
  name: string;
  children: ReactNode;
}

/**
 * Catches a render error in one consultation panel (a malformed study, an unexpected record) so it
 * shows "this panel failed" with a retry, while the video call and the other panels keep running.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, { failed: boolean; attempt: number }> {
  override state = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Only the panel name and the error's kind: no clinical text in the console.
    console.error(`panel ${this.props.name} failed: ${error.name}`, info.componentStack?.split('\n', 2)[1]?.trim() ?? '');
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return <PanelFailure name={this.props.name} onRetry={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))} />;
    }
    return <PanelContent key={this.state.attempt}>{this.props.children}</PanelContent>;
  }
}

function PanelContent({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
