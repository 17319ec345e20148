/**
 * The product's own list of members, drawn by the host page with the SDK (not an invitekit element): a host
 * lists its members however it likes; invitekit only brings people in. Here it shows whom an accepted
 * invitation or an SSO/SCIM join added.
 */
import { html, render, nothing } from 'lit';
import { createClient, isApiError, type Member } from '@invitekit/sdk';

const via: Record<Member['joinedVia'], string> = {
  invitation: 'invitation',
  sso: 'SSO',
  scim: 'SCIM',
  seed: 'founding member',
};

export async function renderMembers(where: HTMLElement): Promise<void> {
  const client = createClient({ baseUrl: '/api', organization: 'acme' });
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  let members: Member[] = [];
  // lit's render() adds to what is there: the static "Loading members…" goes once the answer is in.
  try {
    for await (const member of client.members.all({ limit: 100 })) members.push(member);
  } catch (error) {
    const why =
      isApiError(error) && error.code === 'forbidden'
        ? 'Only administrators can see the members of Acme Inc.'
        : isApiError(error) && error.code === 'unauthenticated'
          ? 'Sign in to see the members of Acme Inc.'
          : 'The members could not be loaded. Reload the page to try again.';
    where.replaceChildren();
    render(html`<p class="muted">${why}</p>`, where);
    return;
  }
  members = members.sort((a, b) => b.joinedAt.localeCompare(a.joinedAt));
  where.replaceChildren();
  render(
    // The explicit roles keep it a table for screen readers when a phone's stylesheet lays its rows out as cards
    // (a table whose display changes loses its table semantics in some browsers).
    html`<table class="members" role="table">
      <caption class="visually-hidden">
        Members of Acme Inc., newest first
      </caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">Name</th>
          <th role="columnheader" scope="col">Email</th>
          <th role="columnheader" scope="col">Role</th>
          <th role="columnheader" scope="col">Joined</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${members.map(
          (m) =>
            html`<tr role="row">
              <td role="cell">${m.name ?? html`<span class="muted">No name</span>`}</td>
              <td role="cell">${m.email}</td>
              <td role="cell"><span class="role">${m.role}</span></td>
              <td role="cell">
                ${date.format(new Date(m.joinedAt))}
                ${m.joinedVia === 'seed' ? nothing : html`<span class="muted">via ${via[m.joinedVia]}</span>`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
    where,
  );
}
