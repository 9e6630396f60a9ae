// A real OpenID provider (the certified oidc-provider package) for PlanTracker's single sign-on tests.
// Started by the test fixture: node provider.mjs, with
//   PORT          the port to listen on (127.0.0.1 only)
//   REDIRECT_URI  the app's callback, e.g. http://127.0.0.1:41234/signin-oidc
//   CLIENT_ID, CLIENT_SECRET  the client the app is configured with
//   ACCOUNTS      JSON: [{ "login": "editor", "email": "a@b", "email_verified": true, "name": "..." }]
// Its own sign-in page (oidc-provider's development interactions) accepts any password for a listed login.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = new Map(JSON.parse(process.env.ACCOUNTS ?? '[]').map((a) => [a.login, a]));

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.CLIENT_ID,
    client_secret: process.env.CLIENT_SECRET,
    redirect_uris: [process.env.REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The app must send PKCE, though it is a confidential client.
  pkce: { required: () => true },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, email: account.email, email_verified: account.email_verified, name: account.name ?? sub };
      },
    };
  },
  // A first-party provider: no consent page, every requested scope is granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  cookies: { keys: ['plantracker-test-provider'] },
});

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
