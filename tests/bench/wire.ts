// What really went over the wire, seen through undici's diagnostics channels (no change to the
// app's HTTP client or dispatcher): requests whose headers were written to a socket and not yet
// answered in full. The sync engine's limit says how many requests it lets start; this says how
// many were actually in flight on connections.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

export interface WireStats {
  requests: number;
  /** Most requests on the wire at once. */
  peak: number;
  /** Time-weighted mean of requests on the wire, between the first send and the last answer. */
  mean: number;
  /** New TCP connections opened. */
  connections: number;
  /** From the first request sent to the last answer received. */
  spanMs: number;
  /** Median time on the wire of one request (headers sent → last byte). */
  medianMs: number;
  /** performance.now() of the first send and of the last answer. */
  firstAt: number;
  lastAt: number;
  /** performance.now() of the first request for a credential page (after the customer list and its tokens). */
  firstPageAt: number;
}

export class WireWatch {
  private readonly sent = new Map<object, number>();
  private inFlight = 0;
  private peak = 0;
  private area = 0;
  private lastAt = 0;
  private first = 0;
  private last = 0;
  private requests = 0;
  private firstPage = 0;
  private connections = 0;
  private readonly durations: number[] = [];
  private readonly onSend = (m: unknown) => {
    const at = performance.now();
    this.advance(at);
    if (this.requests === 0) this.first = at;
    this.requests++;
    const request = (m as { request: { path?: string } }).request;
    if (this.firstPage === 0 && request.path?.includes('/credentials')) this.firstPage = at;
    this.sent.set(request, at);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
  };
  private readonly onDone = (m: unknown) => {
    const req = (m as { request: object }).request;
    const at0 = this.sent.get(req);
    if (at0 === undefined) return;
    const at = performance.now();
    this.advance(at);
    this.sent.delete(req);
    this.inFlight--;
    this.last = at;
    if (this.durations.length < 100_000) this.durations.push(at - at0);
  };
  private readonly onConnect = () => void this.connections++;

  start(): this {
    subscribe('undici:client:sendHeaders', this.onSend);
    subscribe('undici:request:trailers', this.onDone);
    subscribe('undici:request:error', this.onDone);
    subscribe('undici:client:connected', this.onConnect);
    return this;
  }

  stop(): WireStats {
    unsubscribe('undici:client:sendHeaders', this.onSend);
    unsubscribe('undici:request:trailers', this.onDone);
    unsubscribe('undici:request:error', this.onDone);
    unsubscribe('undici:client:connected', this.onConnect);
    const spanMs = this.last - this.first;
    const sorted = [...this.durations].sort((a, b) => a - b);
    return {
      requests: this.requests,
      peak: this.peak,
      mean: spanMs > 0 ? this.area / spanMs : this.peak,
      connections: this.connections,
      spanMs,
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      firstAt: this.first,
      lastAt: this.last,
      firstPageAt: this.firstPage,
    };
  }

  private advance(at: number): void {
    if (this.lastAt > 0) this.area += this.inFlight * (at - this.lastAt);
    this.lastAt = at;
  }
}
