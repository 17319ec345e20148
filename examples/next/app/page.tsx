// A server component: the page is rendered on the server, the invitations part hydrates in the browser.
import { Invitations } from './invitations';

export default function Page() {
  return (
    <main>
      <h1>Invitations</h1>
      <Invitations />
    </main>
  );
}
