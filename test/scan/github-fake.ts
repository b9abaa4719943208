// A loopback fake of the few GitHub REST endpoints the scan issue uses, as
// GitHub answers them: the repository's issues listed page by page with a
// Link header (pull requests included, as GitHub does), issues opened and
// edited, comments posted; a body over 65,536 characters refused with 422;
// a wrong token refused with 401. Tests can make any request fail with a
// status of their choice. Started and stopped inside each test file.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string;
  labels: string[];
  user: string;
  /** A pull request (GitHub lists them among issues). */
  pull?: boolean;
  comments: string[];
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
}

const LIMIT = 65_536;

export class FakeGitHub {
  readonly issues: FakeIssue[] = [];
  readonly requests: FakeRequest[] = [];
  /** Answer matching requests with this status and message instead. */
  fail?: { when: (r: FakeRequest) => boolean; status: number; message: string };

  private constructor(
    private readonly server: http.Server,
    readonly owner: string,
    readonly repo: string,
    private readonly tokens: ReadonlyMap<string, string>,
  ) {}

  /** `tokens`: token → the login it acts as. */
  static async start(
    owner: string,
    repo: string,
    tokens: Record<string, string>,
  ): Promise<FakeGitHub> {
    // The handler needs the fake, and the fake needs the listening server.
    const holder: { fake?: FakeGitHub } = {};
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => holder.fake?.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeGitHub(server, owner, repo, new Map(Object.entries(tokens)));
    holder.fake = fake;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Adds an issue as if someone had opened it. */
  seed(
    issue: Omit<FakeIssue, 'number' | 'comments' | 'state' | 'labels'> & Partial<FakeIssue>,
  ): FakeIssue {
    const full: FakeIssue = {
      state: 'open',
      labels: [],
      comments: [],
      ...issue,
      number: this.issues.length + 1,
    };
    this.issues.push(full);
    return full;
  }

  private json(
    res: http.ServerResponse,
    status: number,
    doc: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(doc));
  }

  private view(i: FakeIssue): Record<string, unknown> {
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason ?? null,
      labels: i.labels.map((name) => ({ name })),
      user: { login: i.user },
      ...(i.pull === true ? { pull_request: { url: `${this.baseUrl}/pulls/${i.number}` } } : {}),
    };
  }

  private tooLong(res: http.ServerResponse, field: string): void {
    this.json(res, 422, {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'Issue',
          code: 'custom',
          field,
          message: `${field} is too long (maximum is ${LIMIT} characters)`,
        },
      ],
    });
  }

  private handle(req: http.IncomingMessage, text: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const r: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(text === '' ? {} : { body: JSON.parse(text) as Record<string, unknown> }),
    };
    this.requests.push(r);
    const auth = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const login = auth === undefined ? undefined : this.tokens.get(auth);
    if (login === undefined) return this.json(res, 401, { message: 'Bad credentials' });
    if (this.fail?.when(r) === true)
      return this.json(res, this.fail.status, { message: this.fail.message });

    const base = `/repos/${this.owner}/${this.repo}/issues`;
    const m = /^\/(\d+)(\/comments)?$/.exec(r.path.slice(base.length));
    const body = r.body ?? {};
    if (r.path === base && r.method === 'GET') {
      const state = r.query.state ?? 'open';
      const labels = (r.query.labels ?? '').split(',').filter((l) => l !== '');
      let list = this.issues.filter(
        (i) =>
          (state === 'all' || i.state === state) &&
          labels.every((l) => i.labels.includes(l)) &&
          (r.query.creator === undefined || i.user === r.query.creator),
      );
      if (r.query.direction !== 'asc') list = [...list].reverse();
      const perPage = Number(r.query.per_page ?? 30);
      const page = Number(r.query.page ?? 1);
      const slice = list.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < list.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.Link = `<${next.toString()}>; rel="next"`;
      }
      return this.json(
        res,
        200,
        slice.map((i) => this.view(i)),
        headers,
      );
    }
    if (r.path === base && r.method === 'POST') {
      const issueBody = typeof body.body === 'string' ? body.body : '';
      if (issueBody.length > LIMIT) return this.tooLong(res, 'body');
      const issue = this.seed({
        title: typeof body.title === 'string' ? body.title : '',
        body: issueBody,
        user: login,
        labels: (body.labels as string[] | undefined) ?? [],
      });
      return this.json(res, 201, this.view(issue));
    }
    const issue = m === null ? undefined : this.issues[Number(m[1]) - 1];
    if (issue !== undefined && m?.[2] === undefined && r.method === 'PATCH') {
      if (typeof body.body === 'string' && body.body.length > LIMIT)
        return this.tooLong(res, 'body');
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string') issue.body = body.body;
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      if (typeof body.state_reason === 'string') issue.state_reason = body.state_reason;
      return this.json(res, 200, this.view(issue));
    }
    if (issue !== undefined && m?.[2] !== undefined && r.method === 'POST') {
      const comment = typeof body.body === 'string' ? body.body : '';
      if (comment.length > LIMIT) return this.tooLong(res, 'body');
      issue.comments.push(comment);
      return this.json(res, 201, { id: issue.comments.length, body: comment });
    }
    return this.json(res, 404, { message: 'Not Found' });
  }
}
