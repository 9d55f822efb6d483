import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace natsgh {

    namespace v1 {

        enum PhaseStatus {
            PHASE_STATUS_UNSPECIFIED = 0,
            PHASE_STATUS_PENDING = 1,
            PHASE_STATUS_RUNNING = 2,
            PHASE_STATUS_DONE = 3,
            PHASE_STATUS_FAILED = 4,
            PHASE_STATUS_INTERRUPTED = 5
        }

        interface IPhaseCheckpoint extends natsgh.v1.PhaseCheckpoint.$Properties {
        }

        class PhaseCheckpoint {
            constructor(p?: natsgh.v1.PhaseCheckpoint.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            phase_id: string;
            status: natsgh.v1.PhaseStatus;
            input_hash: string;
            outputs: { [k: string]: string };
            run_id: string;
            started_unix_ms: number;
            finished_unix_ms: number;
            cli_version: string;
            error: string;
            host: string;
            static create(properties: natsgh.v1.PhaseCheckpoint.$Shape): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
            static create(properties?: natsgh.v1.PhaseCheckpoint.$Properties): natsgh.v1.PhaseCheckpoint;
            static encode(m: natsgh.v1.PhaseCheckpoint.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.PhaseCheckpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.PhaseCheckpoint;
            static toObject(m: natsgh.v1.PhaseCheckpoint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PhaseCheckpoint {
            interface $Properties {
                deployment?: (string|null);
                phase_id?: (string|null);
                status?: (natsgh.v1.PhaseStatus|null);
                input_hash?: (string|null);
                outputs?: ({ [k: string]: string }|null);
                run_id?: (string|null);
                started_unix_ms?: (number|null);
                finished_unix_ms?: (number|null);
                cli_version?: (string|null);
                error?: (string|null);
                host?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.PhaseCheckpoint.$Properties;
        }

        interface IEnvelope extends natsgh.v1.Envelope.$Properties {
        }

        class Envelope {
            constructor(p?: natsgh.v1.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            schema_version: number;
            id: string;
            time_unix_ms: number;
            source: string;
            payload_type: string;
            payload: Uint8Array;
            static create(properties: natsgh.v1.Envelope.$Shape): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
            static create(properties?: natsgh.v1.Envelope.$Properties): natsgh.v1.Envelope;
            static encode(m: natsgh.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.Envelope;
            static toObject(m: natsgh.v1.Envelope, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                schema_version?: (number|null);
                id?: (string|null);
                time_unix_ms?: (number|null);
                source?: (string|null);
                payload_type?: (string|null);
                payload?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.Envelope.$Properties;
        }
    }
}
