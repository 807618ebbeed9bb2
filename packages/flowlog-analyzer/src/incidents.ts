// `@artos/flowlog-analyzer/incidents`: the ids of the sample's incidents, alone, for a command line
// that lists them in its --help without loading the traffic generator and the network model.
export { INCIDENT_IDS, type IncidentId } from './private/traffic/incident-ids.js';
