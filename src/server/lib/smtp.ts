/**
 * A small SMTP client (RFC 5321) over node:net / node:tls, enough to hand notices to the installation's mail
 * server: EHLO, STARTTLS when offered (or implicit TLS with smtps://), AUTH PLAIN or LOGIN, one message per
 * connection, UTF-8 subject and body (base64). No dependency to keep current for a few lines of protocol.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface SmtpOptions {
  url: string;
  from: string;
  /** Seconds before a silent server is given up on. */
  timeoutSeconds?: number;
  /** Only for tests against a local server with a self-signed certificate. */
  rejectUnauthorized?: boolean;
}

class SmtpConnection {
  private buffer = '';
  private waiting: Array<(line: { code: number; text: string }) => void> = [];
  private replies: Array<{ code: number; text: string }> = [];
  private failure: Error | undefined;
  private lines: string[] = [];

  constructor(private socket: net.Socket) {
    this.attach(socket);
  }

  private attach(socket: net.Socket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter({ code: 0, text: error.message });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let index = this.buffer.indexOf('\n');
    while (index >= 0) {
      const line = this.buffer.slice(0, index).replace(/\r$/, '');
      this.buffer = this.buffer.slice(index + 1);
      this.lines.push(line);
      // "250-..." continues a reply, "250 ..." ends it.
      if (/^\d{3}( |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), text: this.lines.join('\n') };
        this.lines = [];
        const waiter = this.waiting.shift();
        if (waiter) waiter(reply);
        else this.replies.push(reply);
      }
      index = this.buffer.indexOf('\n');
    }
  }

  read(): Promise<{ code: number; text: string }> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.failure) return Promise.resolve({ code: 0, text: this.failure.message });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async command(line: string, expected: number[]): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.expect(expected, line.split(' ')[0]!);
  }

  async expect(expected: number[], what: string): Promise<string> {
    const reply = await this.read();
    if (!expected.includes(reply.code)) {
      throw new Error(`SMTP ${what}: ${reply.code} ${reply.text.slice(0, 200)}`);
    }
    return reply.text;
  }

  async upgrade(host: string, rejectUnauthorized: boolean): Promise<void> {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('close');
    this.socket.removeAllListeners('error');
    const secure = tls.connect({ socket: this.socket, servername: host, rejectUnauthorized });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', () => resolve());
      secure.once('error', reject);
    });
    this.socket = secure;
    this.attach(secure);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }
}

function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function addressOf(mailbox: string): string {
  const match = /<([^>]+)>/.exec(mailbox);
  return (match ? match[1]! : mailbox).trim();
}

export function buildMessage(from: string, message: MailMessage, date = new Date()): string {
  const nameMatch = /^(.*)<([^>]+)>\s*$/.exec(from);
  const fromHeader = nameMatch ? `${encodeHeader(nameMatch[1]!.trim())} <${nameMatch[2]}>` : from;
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8')
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${fromHeader}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

export class SmtpMailer implements Mailer {
  private readonly url: URL;

  constructor(private readonly options: SmtpOptions) {
    this.url = new URL(options.url);
  }

  async send(message: MailMessage): Promise<void> {
    const implicitTls = this.url.protocol === 'smtps:';
    const host = this.url.hostname;
    const port = Number(this.url.port || (implicitTls ? 465 : 587));
    const rejectUnauthorized = this.options.rejectUnauthorized ?? true;
    const socket: net.Socket = implicitTls
      ? tls.connect({ host, port, servername: host, rejectUnauthorized })
      : net.connect({ host, port });
    socket.setTimeout((this.options.timeoutSeconds ?? 20) * 1000, () =>
      socket.destroy(new Error('SMTP timeout')),
    );
    const connection = new SmtpConnection(socket);
    try {
      await connection.expect([220], 'greeting');
      let features = await connection.command('EHLO antq.local', [250]);
      if (!implicitTls && /STARTTLS/i.test(features)) {
        await connection.command('STARTTLS', [220]);
        await connection.upgrade(host, rejectUnauthorized);
        features = await connection.command('EHLO antq.local', [250]);
      }
      const user = decodeURIComponent(this.url.username);
      const password = decodeURIComponent(this.url.password);
      if (user) {
        if (/AUTH[^\n]*PLAIN/i.test(features)) {
          const token = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
          await connection.command(`AUTH PLAIN ${token}`, [235]);
        } else {
          await connection.command('AUTH LOGIN', [334]);
          await connection.command(Buffer.from(user).toString('base64'), [334]);
          await connection.command(Buffer.from(password).toString('base64'), [235]);
        }
      }
      await connection.command(`MAIL FROM:<${addressOf(this.options.from)}>`, [250]);
      await connection.command(`RCPT TO:<${addressOf(message.to)}>`, [250, 251]);
      await connection.command('DATA', [354]);
      // Dot-stuffing: a line that starts with "." gets another.
      const data = buildMessage(this.options.from, message).replace(/\r\n\./g, '\r\n..');
      await connection.command(`${data}\r\n.`, [250]);
      await connection.command('QUIT', [221]).catch(() => undefined);
    } finally {
      connection.close();
    }
  }
}
