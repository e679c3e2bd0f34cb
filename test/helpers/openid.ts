import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/**
 * A local token issuer standing in for the Bot Framework's: OpenID metadata, a JWKS with the
 * `msteams` endorsement, and RS256 tokens signed with its key (or with a key it does not publish).
 */
export class LocalIssuer {
  readonly issuer = 'https://api.botframework.test';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openidconfiguration')
        res.end(
          JSON.stringify({
            issuer: this.issuer,
            jwks_uri: `${this.url}/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
      else if (req.url === '/keys')
        res.end(
          JSON.stringify({
            keys: [{ ...jwk, kid: 'local-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] }],
          }),
        );
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'local-key' }));
    const payload = b64url(
      JSON.stringify({ iss: this.issuer, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims }),
    );
    const signature = createSign('RSA-SHA256')
      .update(`${header}.${payload}`)
      .sign(options.key ?? this.key.privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
