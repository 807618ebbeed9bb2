import { ruleText } from '@artos/model';
import { type Check, result } from '../types.js';

/**
 * No security group admits anything from 0.0.0.0/0 or ::/0 (cdk-nag AwsSolutions-EC23's
 * concern; the seed opens nothing to the world). Reads every group of the VPC, not only ours.
 */
export const noOpenIngress: Check = {
  id: 'no-open-ingress',
  title: 'No security group admits traffic from 0.0.0.0/0 or ::/0',
  needs: ['security-groups'],
  run(ctx) {
    const open = ctx.model.securityGroups.flatMap((g) =>
      g.ingress
        .filter((r) => r.peer.kind === 'cidr' && (r.peer.cidr === '0.0.0.0/0' || r.peer.cidr === '::/0'))
        .map((r) => `${g.id}${g.role ? ` (${g.role})` : ''}: ${ruleText(undefined, r)}`),
    );
    if (open.length === 0) return result(this, 'pass', [`${ctx.model.securityGroups.length} groups, none admits traffic from anywhere`]);
    return result(this, 'fail', open, {
      change: 'remove those rules: the network is private, and the seed admits only the VPC CIDR and named groups',
      command: 'aws ec2 describe-security-group-rules --filters Name=group-id,Values=<sg-id>',
    });
  },
};
