/**
 * PDF reports printed from the very page the manager sees: headless Chromium
 * opens the built renderer's print page on a private origin, the page asks for
 * the report and draws it, and the browser prints it to A4. One browser is kept
 * for all prints (starting one costs more than a print) and prints run one at a time, so a
 * burst of clicks does not open many pages on a two-core office PC.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { playwrightCore } from './on-demand-packages.ts';
import type { Report } from '../../contract/contract.ts';
import { KhiuError } from '../../core/errors.ts';
import { findBrowser } from './print-browser.ts';
import {
  answerPrintJobRequest,
  builtRenderer,
  reportPrintJob,
  type PrintJob,
} from './print-origin.ts';

export interface ReportPdfOptions {
  /** The built renderer (dist/renderer); undefined when it has not been built. */
  staticDir: string | undefined;
  /** Chromium, Chrome or Edge (KHIU_BROWSER); found at the usual places when absent. */
  browserPath?: string | null;
  log?: (line: string) => void;
  /** How long the page may take to load and draw the report. */
  timeoutMs?: number;
  /** Headers on every answer of the print origin: the office server's CSP, so the page prints under it. */
  responseHeaders?: Readonly<Record<string, string>>;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const DEFAULT_TIMEOUT_MS = 30_000;
/** The print page's handshake: it sets this on <body> once drawn (fonts loaded), or "error". */
const READY_ATTRIBUTE = 'data-report-ready';

export class ReportPdfPrinter {
  /** Only touched by the print in progress or by close() after it, so never by two at once. */
  private browser: Browser | undefined;
  /** The print in progress; the next one starts when it has settled. */
  private queue: Promise<unknown> = Promise.resolve();
  private launches = 0;

  constructor(private readonly options: ReportPdfOptions) {}

  /** The report as an A4 PDF. Prints wait their turn. */
  print(report: Report): Promise<Buffer> {
    return this.printJob(reportPrintJob(report));
  }

  /** Any page of the manager entry (an ITA publication) as an A4 PDF, in the same browser and turn. */
  printJob(job: PrintJob): Promise<Buffer> {
    const printed = this.queue.then(() => this.printNow(job));
    this.queue = printed.catch(() => undefined);
    return printed;
  }

  /** Closes the browser once the prints already asked for are done; a later print starts a new one. */
  close(): Promise<void> {
    const closed = this.queue.then(async () => {
      const browser = this.browser;
      this.browser = undefined;
      await browser?.close();
    });
    this.queue = closed.catch(() => undefined);
    return closed;
  }

  private log(line: string): void {
    this.options.log?.(`report pdf: ${line}`);
  }

  private async printNow(job: PrintJob): Promise<Buffer> {
    const started = Date.now();
    const staticDir = builtRenderer(this.options.staticDir);
    const browser = await this.connectedBrowser();
    const problems: string[] = [];
    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext({ serviceWorkers: 'block' });
      await context.route('**/*', async (route, request) => {
        const answer = await answerPrintJobRequest(request.url(), staticDir, job).catch(
          (error: unknown) => {
            problems.push(`serving ${request.url()}: ${messageOf(error)}`);
            return { status: 500, contentType: 'text/plain', body: 'print origin failed' };
          },
        );
        if (answer === null) {
          // Worth a line in the log: the print page is meant to need nothing outside the renderer.
          this.log(`blocked ${request.method()} ${request.url()}`);
          problems.push(`blocked ${request.url()}`);
          await route.abort('blockedbyclient').catch(nobodyToAnswer);
        } else {
          await route
            .fulfill({ ...answer, headers: { ...this.options.responseHeaders } })
            .catch(nobodyToAnswer);
        }
      });
      await context.routeWebSocket(
        () => true,
        (ws) => ws.close(),
      );
      const pdf = await this.printPage(context, job, problems);
      this.log(`${job.label} in ${Date.now() - started} ms`);
      return pdf;
    } catch (error) {
      if (error instanceof KhiuError) throw error;
      throw new KhiuError(
        'report_print_failed',
        `Printing the report failed: ${messageOf(error)}. ${describe(problems)}`,
        500,
      );
    } finally {
      await context?.close().catch(() => undefined);
    }
  }

  private async printPage(
    context: BrowserContext,
    job: PrintJob,
    problems: string[],
  ): Promise<Buffer> {
    const timeout = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeout;
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    let state: string | null;
    try {
      await page.goto(job.pageUrl, { waitUntil: 'load' });
      const ready = await page.waitForSelector(`body[${READY_ATTRIBUTE}]`, {
        state: 'attached',
        timeout: Math.max(1, deadline - Date.now()),
      });
      state = await ready.getAttribute(READY_ATTRIBUTE);
    } catch (error) {
      const { errors } = await playwrightCore();
      if (!(error instanceof errors.TimeoutError)) throw error;
      throw new KhiuError(
        'report_print_timeout',
        `The print page did not finish drawing the report within ${timeout / 1000} s. ${describe(problems)}`,
        500,
      );
    }
    if (state !== 'true') {
      throw new KhiuError(
        'report_print_failed',
        `The print page could not draw the report (${READY_ATTRIBUTE}="${state}"). ${describe(problems)}`,
        500,
      );
    }
    return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  }

  /** The running browser, launched on first use and again after it crashed or was closed. */
  private async connectedBrowser(): Promise<Browser> {
    if (this.browser?.isConnected()) return this.browser;
    const executablePath = findBrowser(this.options.browserPath);
    let browser: Browser;
    try {
      const { chromium } = await playwrightCore();
      browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
    } catch (error) {
      throw new KhiuError(
        'browser_failed',
        `Could not start ${executablePath} to print the report: ${messageOf(error)}`,
        503,
      );
    }
    browser.on('disconnected', () => {
      if (this.browser === browser) this.browser = undefined;
    });
    this.browser = browser;
    // A second launch means the browser crashed or was closed; worth seeing in the log.
    this.launches += 1;
    this.log(`started ${executablePath}${this.launches > 1 ? ` (launch ${this.launches})` : ''}`);
    return browser;
  }
}

/** A request of a page closed meanwhile (after a timeout): there is nobody left to answer. */
const nobodyToAnswer = (): void => undefined;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

function describe(problems: string[]): string {
  return problems.length === 0 ? '' : `What the page reported: ${problems.slice(0, 5).join('; ')}`;
}
