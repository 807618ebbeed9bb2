import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ArtosNetwork, type ArtosNetworkProps } from './artos-network.js';

export interface ArtosNetworkStackProps extends StackProps, ArtosNetworkProps {}

/** A stack holding one ArtosNetwork, as the CDK app deploys it. */
export class ArtosNetworkStack extends Stack {
  readonly network: ArtosNetwork;
  constructor(scope: Construct, id: string, props: ArtosNetworkStackProps) {
    super(scope, id, props);
    this.network = new ArtosNetwork(this, 'Network', props);
  }
}
