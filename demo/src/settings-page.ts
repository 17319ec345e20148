/** Settings › Users: the admin elements, as a host embeds them, above the product's own member list. */
import { required, requiredTag } from './dom.js';
import { boot } from './boot.js';
import { acmeRoles } from './roles.js';
import { renderMembers } from './members-list.js';
import { showWelcome } from './welcome.js';

// Before anything loads, so that the page does not move under the reader when it appears.
showWelcome(required('#welcome', HTMLElement));
await boot();
// The published entry points, as a host imports them, in any order.
await Promise.all([
  import('@invitekit/elements/invitekit-provider'),
  import('@invitekit/elements/invitation-table'),
  import('@invitekit/elements/invitation-requests'),
]);

// The organization's roles: the invite dialog offers a role select (the first preselected), rows name their role
// (Member, the default, says so), a pending invitation's role can be changed and an approval asks for one.
requiredTag('invitation-table').roles = acmeRoles;
requiredTag('invitation-requests').roles = acmeRoles;

// Members change when an invitation is accepted, which happens on another page; invitations sent here add none.
await renderMembers(required('#members', HTMLElement));
