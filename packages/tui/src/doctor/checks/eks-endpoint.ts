import { type Check, result } from '../types.js';

/** The EKS interface endpoint exists, is available and has private DNS. */
export const eksEndpoint: Check = {
  id: 'eks-endpoint',
  title: 'The EKS endpoint exists, is available and has private DNS',
  needs: ['endpoints'],
  run(ctx) {
    const command = `aws ec2 describe-vpc-endpoints --filters "Name=service-name,Values=com.amazonaws.${ctx.region}.eks" --query 'VpcEndpoints[0].[State,PrivateDnsEnabled]'`;
    const eks = ctx.model.endpoints.find((e) => e.service === 'eks');
    if (!eks)
      return result(this, 'fail', ['no com.amazonaws.<region>.eks endpoint: kubectl from the bastion cannot reach the EKS API'], {
        change: "keep 'eks' in interfaceEndpointServices and enableVpcEndpoints on",
        command,
      });
    const ok = (eks.state === 'available' || eks.state === 'Available' || eks.state === 'planned') && eks.privateDns;
    return result(
      this,
      ok ? 'pass' : 'fail',
      [`${eks.id}: state ${eks.state}, private DNS ${eks.privateDns ? 'on' : 'off'}`],
      ok ? undefined : { change: 'enable private DNS on the EKS endpoint / wait until it is available', command },
    );
  },
};
