/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// natsgh: keep fields of newer schema versions in $unknowns (re-encoding writes them back).
$Reader.discardUnknown = false;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const natsgh = $root.natsgh = (() => {

    /**
     * Namespace natsgh.
     * @exports natsgh
     * @namespace
     */
    const natsgh = {};

    natsgh.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof natsgh
         * @namespace
         */
        const v1 = {};

        /**
         * PhaseStatus enum.
         * @name natsgh.v1.PhaseStatus
         * @enum {number}
         * @property {number} PHASE_STATUS_UNSPECIFIED=0 PHASE_STATUS_UNSPECIFIED value
         * @property {number} PHASE_STATUS_PENDING=1 PHASE_STATUS_PENDING value
         * @property {number} PHASE_STATUS_RUNNING=2 PHASE_STATUS_RUNNING value
         * @property {number} PHASE_STATUS_DONE=3 PHASE_STATUS_DONE value
         * @property {number} PHASE_STATUS_FAILED=4 PHASE_STATUS_FAILED value
         * @property {number} PHASE_STATUS_INTERRUPTED=5 PHASE_STATUS_INTERRUPTED value
         */
        v1.PhaseStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PHASE_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PHASE_STATUS_PENDING"] = 1;
            values[valuesById[2] = "PHASE_STATUS_RUNNING"] = 2;
            values[valuesById[3] = "PHASE_STATUS_DONE"] = 3;
            values[valuesById[4] = "PHASE_STATUS_FAILED"] = 4;
            values[valuesById[5] = "PHASE_STATUS_INTERRUPTED"] = 5;
            return values;
        })();

        v1.PhaseCheckpoint = (function() {

            /**
             * Properties of a PhaseCheckpoint.
             * @typedef {Object} natsgh.v1.PhaseCheckpoint.$Properties
             * @property {string|null} [deployment] PhaseCheckpoint deployment
             * @property {string|null} [phase_id] PhaseCheckpoint phase_id
             * @property {natsgh.v1.PhaseStatus|null} [status] PhaseCheckpoint status
             * @property {string|null} [input_hash] PhaseCheckpoint input_hash
             * @property {Object.<string,string>|null} [outputs] PhaseCheckpoint outputs
             * @property {string|null} [run_id] PhaseCheckpoint run_id
             * @property {number|null} [started_unix_ms] PhaseCheckpoint started_unix_ms
             * @property {number|null} [finished_unix_ms] PhaseCheckpoint finished_unix_ms
             * @property {string|null} [cli_version] PhaseCheckpoint cli_version
             * @property {string|null} [error] PhaseCheckpoint error
             * @property {string|null} [host] PhaseCheckpoint host
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PhaseCheckpoint.
             * @memberof natsgh.v1
             * @interface IPhaseCheckpoint
             * @augments natsgh.v1.PhaseCheckpoint.$Properties
             * @deprecated Use natsgh.v1.PhaseCheckpoint.$Properties instead.
             */

            /**
             * Shape of a PhaseCheckpoint.
             * @typedef {natsgh.v1.PhaseCheckpoint.$Properties} natsgh.v1.PhaseCheckpoint.$Shape
             */

            /**
             * Constructs a new PhaseCheckpoint.
             * @memberof natsgh.v1
             * @classdesc Represents a PhaseCheckpoint.
             * @constructor
             * @param {natsgh.v1.PhaseCheckpoint.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PhaseCheckpoint = function (p) {
                this.outputs = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PhaseCheckpoint deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.deployment = "";

            /**
             * PhaseCheckpoint phase_id.
             * @member {string} phase_id
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.phase_id = "";

            /**
             * PhaseCheckpoint status.
             * @member {natsgh.v1.PhaseStatus} status
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.status = 0;

            /**
             * PhaseCheckpoint input_hash.
             * @member {string} input_hash
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.input_hash = "";

            /**
             * PhaseCheckpoint outputs.
             * @member {Object.<string,string>} outputs
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.outputs = $util.emptyObject;

            /**
             * PhaseCheckpoint run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.run_id = "";

            /**
             * PhaseCheckpoint started_unix_ms.
             * @member {number} started_unix_ms
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.started_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PhaseCheckpoint finished_unix_ms.
             * @member {number} finished_unix_ms
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.finished_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PhaseCheckpoint cli_version.
             * @member {string} cli_version
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.cli_version = "";

            /**
             * PhaseCheckpoint error.
             * @member {string} error
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.error = "";

            /**
             * PhaseCheckpoint host.
             * @member {string} host
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.host = "";

            /**
             * Creates a new PhaseCheckpoint instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.PhaseCheckpoint} PhaseCheckpoint instance
             * @type {{
             *   (properties: natsgh.v1.PhaseCheckpoint.$Shape): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
             *   (properties?: natsgh.v1.PhaseCheckpoint.$Properties): natsgh.v1.PhaseCheckpoint;
             * }}
             */
            PhaseCheckpoint.create = function(properties) {
                return new PhaseCheckpoint(properties);
            };

            /**
             * Encodes the specified PhaseCheckpoint message. Does not implicitly {@link natsgh.v1.PhaseCheckpoint.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint.$Properties} m PhaseCheckpoint message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PhaseCheckpoint.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id") && m.phase_id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.phase_id);
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.status);
                if (m.input_hash != null && $Object.hasOwnProperty.call(m, "input_hash") && m.input_hash !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.input_hash);
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs")) {
                    for (var ks = $Object.keys(m.outputs), i = 0; i < ks.length; ++i) {
                        w.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(ks[i]).uint32(/* id 2, wireType 2 =*/18).string(m.outputs[ks[i]]).ldelim();
                    }
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.run_id);
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms") && (typeof m.started_unix_ms === "object" ? m.started_unix_ms.low || m.started_unix_ms.high : m.started_unix_ms !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).int64(m.started_unix_ms);
                if (m.finished_unix_ms != null && $Object.hasOwnProperty.call(m, "finished_unix_ms") && (typeof m.finished_unix_ms === "object" ? m.finished_unix_ms.low || m.finished_unix_ms.high : m.finished_unix_ms !== 0))
                    w.uint32(/* id 8, wireType 0 =*/64).int64(m.finished_unix_ms);
                if (m.cli_version != null && $Object.hasOwnProperty.call(m, "cli_version") && m.cli_version !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.cli_version);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.error);
                if (m.host != null && $Object.hasOwnProperty.call(m, "host") && m.host !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.host);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PhaseCheckpoint message, length delimited. Does not implicitly {@link natsgh.v1.PhaseCheckpoint.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint.$Properties} message PhaseCheckpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PhaseCheckpoint.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PhaseCheckpoint message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape} PhaseCheckpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PhaseCheckpoint.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.PhaseCheckpoint();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.phase_id = v;
                            else
                                delete m.phase_id;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.input_hash = v;
                            else
                                delete m.input_hash;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (m.outputs === $util.emptyObject)
                                m.outputs = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.outputs, k);
                            m.outputs[k] = v;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.started_unix_ms = v;
                            else
                                delete m.started_unix_ms;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.finished_unix_ms = v;
                            else
                                delete m.finished_unix_ms;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.cli_version = v;
                            else
                                delete m.cli_version;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.host = v;
                            else
                                delete m.host;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PhaseCheckpoint message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape} PhaseCheckpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PhaseCheckpoint.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PhaseCheckpoint message.
             * @function verify
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PhaseCheckpoint.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id")) {
                    if (!$util.isString(m.phase_id))
                        return "phase_id: string expected";
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    if (typeof m.status !== "number" || (m.status | 0) !== m.status)
                        return "status: enum value expected";
                }
                if (m.input_hash != null && $Object.hasOwnProperty.call(m, "input_hash")) {
                    if (!$util.isString(m.input_hash))
                        return "input_hash: string expected";
                }
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs")) {
                    if (!$util.isObject(m.outputs))
                        return "outputs: object expected";
                    var k = $Object.keys(m.outputs);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.outputs[k[i]]))
                            return "outputs: string{k:string} expected";
                    }
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms")) {
                    if (!$util.isInteger(m.started_unix_ms) && !(m.started_unix_ms && $util.isInteger(m.started_unix_ms.low) && $util.isInteger(m.started_unix_ms.high)))
                        return "started_unix_ms: integer|Long expected";
                }
                if (m.finished_unix_ms != null && $Object.hasOwnProperty.call(m, "finished_unix_ms")) {
                    if (!$util.isInteger(m.finished_unix_ms) && !(m.finished_unix_ms && $util.isInteger(m.finished_unix_ms.low) && $util.isInteger(m.finished_unix_ms.high)))
                        return "finished_unix_ms: integer|Long expected";
                }
                if (m.cli_version != null && $Object.hasOwnProperty.call(m, "cli_version")) {
                    if (!$util.isString(m.cli_version))
                        return "cli_version: string expected";
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    if (!$util.isString(m.error))
                        return "error: string expected";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (!$util.isString(m.host))
                        return "host: string expected";
                }
                return null;
            };

            /**
             * Creates a PhaseCheckpoint message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.PhaseCheckpoint} PhaseCheckpoint
             */
            PhaseCheckpoint.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.PhaseCheckpoint)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.PhaseCheckpoint: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.PhaseCheckpoint();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.phase_id != null) {
                    if (typeof d.phase_id !== "string" || d.phase_id.length) {
                        m.phase_id = $String(d.phase_id);
                    }
                }
                if (d.status !== 0 && (typeof d.status !== "string" || $root.natsgh.v1.PhaseStatus[d.status] !== 0)) {
                    switch (d.status) {
                    case "PHASE_STATUS_UNSPECIFIED":
                    case 0:
                        m.status = 0;
                        break;
                    case "PHASE_STATUS_PENDING":
                    case 1:
                        m.status = 1;
                        break;
                    case "PHASE_STATUS_RUNNING":
                    case 2:
                        m.status = 2;
                        break;
                    case "PHASE_STATUS_DONE":
                    case 3:
                        m.status = 3;
                        break;
                    case "PHASE_STATUS_FAILED":
                    case 4:
                        m.status = 4;
                        break;
                    case "PHASE_STATUS_INTERRUPTED":
                    case 5:
                        m.status = 5;
                        break;
                    default:
                        if (typeof d.status === "number" && (d.status | 0) === d.status)
                            m.status = d.status;
                    }
                }
                if (d.input_hash != null) {
                    if (typeof d.input_hash !== "string" || d.input_hash.length) {
                        m.input_hash = $String(d.input_hash);
                    }
                }
                if (d.outputs) {
                    if (!$util.isObject(d.outputs))
                        throw $TypeError(".natsgh.v1.PhaseCheckpoint.outputs: object expected");
                    m.outputs = {};
                    for (var ks = $Object.keys(d.outputs), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.outputs, ks[i]);
                        m.outputs[ks[i]] = $String(d.outputs[ks[i]]);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                if (d.started_unix_ms != null) {
                    if (typeof d.started_unix_ms === "object" ? d.started_unix_ms.low || d.started_unix_ms.high : $Number(d.started_unix_ms) !== 0) {
                        if ($util.Long)
                            m.started_unix_ms = $util.Long.fromValue(d.started_unix_ms, false);
                        else if (typeof d.started_unix_ms === "string")
                            m.started_unix_ms = $parseInt(d.started_unix_ms, 10);
                        else if (typeof d.started_unix_ms === "number")
                            m.started_unix_ms = d.started_unix_ms;
                        else if (typeof d.started_unix_ms === "object")
                            m.started_unix_ms = new $util.LongBits(d.started_unix_ms.low >>> 0, d.started_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.finished_unix_ms != null) {
                    if (typeof d.finished_unix_ms === "object" ? d.finished_unix_ms.low || d.finished_unix_ms.high : $Number(d.finished_unix_ms) !== 0) {
                        if ($util.Long)
                            m.finished_unix_ms = $util.Long.fromValue(d.finished_unix_ms, false);
                        else if (typeof d.finished_unix_ms === "string")
                            m.finished_unix_ms = $parseInt(d.finished_unix_ms, 10);
                        else if (typeof d.finished_unix_ms === "number")
                            m.finished_unix_ms = d.finished_unix_ms;
                        else if (typeof d.finished_unix_ms === "object")
                            m.finished_unix_ms = new $util.LongBits(d.finished_unix_ms.low >>> 0, d.finished_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.cli_version != null) {
                    if (typeof d.cli_version !== "string" || d.cli_version.length) {
                        m.cli_version = $String(d.cli_version);
                    }
                }
                if (d.error != null) {
                    if (typeof d.error !== "string" || d.error.length) {
                        m.error = $String(d.error);
                    }
                }
                if (d.host != null) {
                    if (typeof d.host !== "string" || d.host.length) {
                        m.host = $String(d.host);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PhaseCheckpoint message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint} m PhaseCheckpoint
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PhaseCheckpoint.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.outputs = {};
                }
                if (o.defaults) {
                    d.deployment = "";
                    d.phase_id = "";
                    d.status = o.enums === $String ? "PHASE_STATUS_UNSPECIFIED" : 0;
                    d.input_hash = "";
                    d.run_id = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.started_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.started_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.finished_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finished_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.cli_version = "";
                    d.error = "";
                    d.host = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id")) {
                    d.phase_id = m.phase_id;
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === $String ? $root.natsgh.v1.PhaseStatus[m.status] === $undefined ? m.status : $root.natsgh.v1.PhaseStatus[m.status] : m.status;
                }
                if (m.input_hash != null && $Object.hasOwnProperty.call(m, "input_hash")) {
                    d.input_hash = m.input_hash;
                }
                var ks2;
                if (m.outputs && (ks2 = $Object.keys(m.outputs)).length) {
                    d.outputs = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.outputs, ks2[j]);
                        d.outputs[ks2[j]] = m.outputs[ks2[j]];
                    }
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.started_unix_ms = typeof m.started_unix_ms === "number" ? $BigInt(m.started_unix_ms) : $util.Long.fromBits(m.started_unix_ms.low >>> 0, m.started_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.started_unix_ms === "number")
                        d.started_unix_ms = o.longs === $String ? $String(m.started_unix_ms) : m.started_unix_ms;
                    else
                        d.started_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.started_unix_ms) : o.longs === $Number ? new $util.LongBits(m.started_unix_ms.low >>> 0, m.started_unix_ms.high >>> 0).toNumber() : m.started_unix_ms;
                }
                if (m.finished_unix_ms != null && $Object.hasOwnProperty.call(m, "finished_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finished_unix_ms = typeof m.finished_unix_ms === "number" ? $BigInt(m.finished_unix_ms) : $util.Long.fromBits(m.finished_unix_ms.low >>> 0, m.finished_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.finished_unix_ms === "number")
                        d.finished_unix_ms = o.longs === $String ? $String(m.finished_unix_ms) : m.finished_unix_ms;
                    else
                        d.finished_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.finished_unix_ms) : o.longs === $Number ? new $util.LongBits(m.finished_unix_ms.low >>> 0, m.finished_unix_ms.high >>> 0).toNumber() : m.finished_unix_ms;
                }
                if (m.cli_version != null && $Object.hasOwnProperty.call(m, "cli_version")) {
                    d.cli_version = m.cli_version;
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = m.host;
                }
                return d;
            };

            /**
             * Converts this PhaseCheckpoint to JSON.
             * @function toJSON
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PhaseCheckpoint.prototype.toJSON = function() {
                return PhaseCheckpoint.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PhaseCheckpoint
             * @function getTypeUrl
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PhaseCheckpoint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.PhaseCheckpoint";
            };

            return PhaseCheckpoint;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} natsgh.v1.Envelope.$Properties
             * @property {number|null} [schema_version] Envelope schema_version
             * @property {string|null} [id] Envelope id
             * @property {number|null} [time_unix_ms] Envelope time_unix_ms
             * @property {string|null} [source] Envelope source
             * @property {string|null} [payload_type] Envelope payload_type
             * @property {Uint8Array|null} [payload] Envelope payload
             * @property {string|null} [deployment] Envelope deployment
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof natsgh.v1
             * @interface IEnvelope
             * @augments natsgh.v1.Envelope.$Properties
             * @deprecated Use natsgh.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {natsgh.v1.Envelope.$Properties} natsgh.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof natsgh.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {natsgh.v1.Envelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Envelope schema_version.
             * @member {number} schema_version
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.schema_version = 0;

            /**
             * Envelope id.
             * @member {string} id
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.id = "";

            /**
             * Envelope time_unix_ms.
             * @member {number} time_unix_ms
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.time_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Envelope source.
             * @member {string} source
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.source = "";

            /**
             * Envelope payload_type.
             * @member {string} payload_type
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload_type = "";

            /**
             * Envelope payload.
             * @member {Uint8Array} payload
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload = $util.newBuffer([]);

            /**
             * Envelope deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.deployment = "";

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: natsgh.v1.Envelope.$Shape): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
             *   (properties?: natsgh.v1.Envelope.$Properties): natsgh.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link natsgh.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope.$Properties} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.schema_version != null && $Object.hasOwnProperty.call(m, "schema_version") && m.schema_version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.schema_version);
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.id);
                if (m.time_unix_ms != null && $Object.hasOwnProperty.call(m, "time_unix_ms") && (typeof m.time_unix_ms === "object" ? m.time_unix_ms.low || m.time_unix_ms.high : m.time_unix_ms !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.time_unix_ms);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.source);
                if (m.payload_type != null && $Object.hasOwnProperty.call(m, "payload_type") && m.payload_type !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.payload_type);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.payload);
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.deployment);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link natsgh.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.schema_version = v;
                            else
                                delete m.schema_version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.time_unix_ms = v;
                            else
                                delete m.time_unix_ms;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.payload_type = v;
                            else
                                delete m.payload_type;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.schema_version != null && $Object.hasOwnProperty.call(m, "schema_version")) {
                    if (!$util.isInteger(m.schema_version))
                        return "schema_version: integer expected";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.time_unix_ms != null && $Object.hasOwnProperty.call(m, "time_unix_ms")) {
                    if (!$util.isInteger(m.time_unix_ms) && !(m.time_unix_ms && $util.isInteger(m.time_unix_ms.low) && $util.isInteger(m.time_unix_ms.high)))
                        return "time_unix_ms: integer|Long expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.payload_type != null && $Object.hasOwnProperty.call(m, "payload_type")) {
                    if (!$util.isString(m.payload_type))
                        return "payload_type: string expected";
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    if (!(m.payload && typeof m.payload.length === "number" || $util.isString(m.payload)))
                        return "payload: buffer expected";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.Envelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.Envelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.Envelope();
                if (d.schema_version != null) {
                    if ($Number(d.schema_version) !== 0) {
                        m.schema_version = d.schema_version >>> 0;
                    }
                }
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.time_unix_ms != null) {
                    if (typeof d.time_unix_ms === "object" ? d.time_unix_ms.low || d.time_unix_ms.high : $Number(d.time_unix_ms) !== 0) {
                        if ($util.Long)
                            m.time_unix_ms = $util.Long.fromValue(d.time_unix_ms, false);
                        else if (typeof d.time_unix_ms === "string")
                            m.time_unix_ms = $parseInt(d.time_unix_ms, 10);
                        else if (typeof d.time_unix_ms === "number")
                            m.time_unix_ms = d.time_unix_ms;
                        else if (typeof d.time_unix_ms === "object")
                            m.time_unix_ms = new $util.LongBits(d.time_unix_ms.low >>> 0, d.time_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.payload_type != null) {
                    if (typeof d.payload_type !== "string" || d.payload_type.length) {
                        m.payload_type = $String(d.payload_type);
                    }
                }
                if (d.payload != null) {
                    if (d.payload.length) {
                        if (typeof d.payload === "string")
                            $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                        else if (d.payload.length >= 0)
                            m.payload = d.payload;
                    }
                }
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope} m Envelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.schema_version = 0;
                    d.id = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.time_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.time_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.source = "";
                    d.payload_type = "";
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                    d.deployment = "";
                }
                if (m.schema_version != null && $Object.hasOwnProperty.call(m, "schema_version")) {
                    d.schema_version = m.schema_version;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.time_unix_ms != null && $Object.hasOwnProperty.call(m, "time_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.time_unix_ms = typeof m.time_unix_ms === "number" ? $BigInt(m.time_unix_ms) : $util.Long.fromBits(m.time_unix_ms.low >>> 0, m.time_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.time_unix_ms === "number")
                        d.time_unix_ms = o.longs === $String ? $String(m.time_unix_ms) : m.time_unix_ms;
                    else
                        d.time_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.time_unix_ms) : o.longs === $Number ? new $util.LongBits(m.time_unix_ms.low >>> 0, m.time_unix_ms.high >>> 0).toNumber() : m.time_unix_ms;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.payload_type != null && $Object.hasOwnProperty.call(m, "payload_type")) {
                    d.payload_type = m.payload_type;
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                return d;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof natsgh.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.Envelope";
            };

            return Envelope;
        })();

        v1.NatsServer = (function() {

            /**
             * Properties of a NatsServer.
             * @typedef {Object} natsgh.v1.NatsServer.$Properties
             * @property {string|null} [name] NatsServer name
             * @property {string|null} [version] NatsServer version
             * @property {boolean|null} [jetstream] NatsServer jetstream
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NatsServer.
             * @memberof natsgh.v1
             * @interface INatsServer
             * @augments natsgh.v1.NatsServer.$Properties
             * @deprecated Use natsgh.v1.NatsServer.$Properties instead.
             */

            /**
             * Shape of a NatsServer.
             * @typedef {natsgh.v1.NatsServer.$Properties} natsgh.v1.NatsServer.$Shape
             */

            /**
             * Constructs a new NatsServer.
             * @memberof natsgh.v1
             * @classdesc Represents a NatsServer.
             * @constructor
             * @param {natsgh.v1.NatsServer.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NatsServer = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * NatsServer name.
             * @member {string} name
             * @memberof natsgh.v1.NatsServer
             * @instance
             */
            NatsServer.prototype.name = "";

            /**
             * NatsServer version.
             * @member {string} version
             * @memberof natsgh.v1.NatsServer
             * @instance
             */
            NatsServer.prototype.version = "";

            /**
             * NatsServer jetstream.
             * @member {boolean} jetstream
             * @memberof natsgh.v1.NatsServer
             * @instance
             */
            NatsServer.prototype.jetstream = false;

            /**
             * Creates a new NatsServer instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {natsgh.v1.NatsServer.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.NatsServer} NatsServer instance
             * @type {{
             *   (properties: natsgh.v1.NatsServer.$Shape): natsgh.v1.NatsServer & natsgh.v1.NatsServer.$Shape;
             *   (properties?: natsgh.v1.NatsServer.$Properties): natsgh.v1.NatsServer;
             * }}
             */
            NatsServer.create = function(properties) {
                return new NatsServer(properties);
            };

            /**
             * Encodes the specified NatsServer message. Does not implicitly {@link natsgh.v1.NatsServer.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {natsgh.v1.NatsServer.$Properties} m NatsServer message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NatsServer.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.version);
                if (m.jetstream != null && $Object.hasOwnProperty.call(m, "jetstream") && m.jetstream !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.jetstream);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified NatsServer message, length delimited. Does not implicitly {@link natsgh.v1.NatsServer.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {natsgh.v1.NatsServer.$Properties} message NatsServer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NatsServer.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NatsServer message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.NatsServer & natsgh.v1.NatsServer.$Shape} NatsServer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NatsServer.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.NatsServer();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.jetstream = v;
                            else
                                delete m.jetstream;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a NatsServer message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.NatsServer & natsgh.v1.NatsServer.$Shape} NatsServer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NatsServer.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NatsServer message.
             * @function verify
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NatsServer.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isString(m.version))
                        return "version: string expected";
                }
                if (m.jetstream != null && $Object.hasOwnProperty.call(m, "jetstream")) {
                    if (typeof m.jetstream !== "boolean")
                        return "jetstream: boolean expected";
                }
                return null;
            };

            /**
             * Creates a NatsServer message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.NatsServer} NatsServer
             */
            NatsServer.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.NatsServer)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.NatsServer: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.NatsServer();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version !== "string" || d.version.length) {
                        m.version = $String(d.version);
                    }
                }
                if (d.jetstream != null) {
                    if (d.jetstream) {
                        m.jetstream = $Boolean(d.jetstream);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a NatsServer message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {natsgh.v1.NatsServer} m NatsServer
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NatsServer.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.version = "";
                    d.jetstream = false;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.jetstream != null && $Object.hasOwnProperty.call(m, "jetstream")) {
                    d.jetstream = m.jetstream;
                }
                return d;
            };

            /**
             * Converts this NatsServer to JSON.
             * @function toJSON
             * @memberof natsgh.v1.NatsServer
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NatsServer.prototype.toJSON = function() {
                return NatsServer.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for NatsServer
             * @function getTypeUrl
             * @memberof natsgh.v1.NatsServer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NatsServer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.NatsServer";
            };

            return NatsServer;
        })();

        /**
         * DeploymentChange enum.
         * @name natsgh.v1.DeploymentChange
         * @enum {number}
         * @property {number} DEPLOYMENT_CHANGE_UNSPECIFIED=0 DEPLOYMENT_CHANGE_UNSPECIFIED value
         * @property {number} DEPLOYMENT_CHANGE_PROVISIONED=1 DEPLOYMENT_CHANGE_PROVISIONED value
         * @property {number} DEPLOYMENT_CHANGE_VERIFIED=2 DEPLOYMENT_CHANGE_VERIFIED value
         * @property {number} DEPLOYMENT_CHANGE_UPDATED=3 DEPLOYMENT_CHANGE_UPDATED value
         * @property {number} DEPLOYMENT_CHANGE_TORN_DOWN=4 DEPLOYMENT_CHANGE_TORN_DOWN value
         */
        v1.DeploymentChange = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DEPLOYMENT_CHANGE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DEPLOYMENT_CHANGE_PROVISIONED"] = 1;
            values[valuesById[2] = "DEPLOYMENT_CHANGE_VERIFIED"] = 2;
            values[valuesById[3] = "DEPLOYMENT_CHANGE_UPDATED"] = 3;
            values[valuesById[4] = "DEPLOYMENT_CHANGE_TORN_DOWN"] = 4;
            return values;
        })();

        v1.NatsDeploymentEvent = (function() {

            /**
             * Properties of a NatsDeploymentEvent.
             * @typedef {Object} natsgh.v1.NatsDeploymentEvent.$Properties
             * @property {string|null} [deployment] NatsDeploymentEvent deployment
             * @property {string|null} [nats_type] NatsDeploymentEvent nats_type
             * @property {string|null} [mode] NatsDeploymentEvent mode
             * @property {Array.<string>|null} [urls] NatsDeploymentEvent urls
             * @property {string|null} [jetstream_domain] NatsDeploymentEvent jetstream_domain
             * @property {Array.<natsgh.v1.NatsServer.$Properties>|null} [servers] NatsDeploymentEvent servers
             * @property {number|null} [cluster_size] NatsDeploymentEvent cluster_size
             * @property {boolean|null} [tls] NatsDeploymentEvent tls
             * @property {string|null} [run_id] NatsDeploymentEvent run_id
             * @property {natsgh.v1.DeploymentChange|null} [change] NatsDeploymentEvent change
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NatsDeploymentEvent.
             * @memberof natsgh.v1
             * @interface INatsDeploymentEvent
             * @augments natsgh.v1.NatsDeploymentEvent.$Properties
             * @deprecated Use natsgh.v1.NatsDeploymentEvent.$Properties instead.
             */

            /**
             * Shape of a NatsDeploymentEvent.
             * @typedef {natsgh.v1.NatsDeploymentEvent.$Properties} natsgh.v1.NatsDeploymentEvent.$Shape
             */

            /**
             * Constructs a new NatsDeploymentEvent.
             * @memberof natsgh.v1
             * @classdesc Represents a NatsDeploymentEvent.
             * @constructor
             * @param {natsgh.v1.NatsDeploymentEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NatsDeploymentEvent = function (p) {
                this.urls = [];
                this.servers = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * NatsDeploymentEvent deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.deployment = "";

            /**
             * NatsDeploymentEvent nats_type.
             * @member {string} nats_type
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.nats_type = "";

            /**
             * NatsDeploymentEvent mode.
             * @member {string} mode
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.mode = "";

            /**
             * NatsDeploymentEvent urls.
             * @member {Array.<string>} urls
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.urls = $util.emptyArray;

            /**
             * NatsDeploymentEvent jetstream_domain.
             * @member {string} jetstream_domain
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.jetstream_domain = "";

            /**
             * NatsDeploymentEvent servers.
             * @member {Array.<natsgh.v1.NatsServer.$Properties>} servers
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.servers = $util.emptyArray;

            /**
             * NatsDeploymentEvent cluster_size.
             * @member {number} cluster_size
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.cluster_size = 0;

            /**
             * NatsDeploymentEvent tls.
             * @member {boolean} tls
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.tls = false;

            /**
             * NatsDeploymentEvent run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.run_id = "";

            /**
             * NatsDeploymentEvent change.
             * @member {natsgh.v1.DeploymentChange} change
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             */
            NatsDeploymentEvent.prototype.change = 0;

            /**
             * Creates a new NatsDeploymentEvent instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {natsgh.v1.NatsDeploymentEvent.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.NatsDeploymentEvent} NatsDeploymentEvent instance
             * @type {{
             *   (properties: natsgh.v1.NatsDeploymentEvent.$Shape): natsgh.v1.NatsDeploymentEvent & natsgh.v1.NatsDeploymentEvent.$Shape;
             *   (properties?: natsgh.v1.NatsDeploymentEvent.$Properties): natsgh.v1.NatsDeploymentEvent;
             * }}
             */
            NatsDeploymentEvent.create = function(properties) {
                return new NatsDeploymentEvent(properties);
            };

            /**
             * Encodes the specified NatsDeploymentEvent message. Does not implicitly {@link natsgh.v1.NatsDeploymentEvent.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {natsgh.v1.NatsDeploymentEvent.$Properties} m NatsDeploymentEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NatsDeploymentEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.nats_type != null && $Object.hasOwnProperty.call(m, "nats_type") && m.nats_type !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.nats_type);
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode") && m.mode !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.mode);
                if (m.urls != null && m.urls.length) {
                    for (var i = 0; i < m.urls.length; ++i)
                        w.uint32(/* id 4, wireType 2 =*/34).string(m.urls[i]);
                }
                if (m.jetstream_domain != null && $Object.hasOwnProperty.call(m, "jetstream_domain") && m.jetstream_domain !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.jetstream_domain);
                if (m.servers != null && m.servers.length) {
                    for (var i = 0; i < m.servers.length; ++i)
                        $root.natsgh.v1.NatsServer.encode(m.servers[i], w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                }
                if (m.cluster_size != null && $Object.hasOwnProperty.call(m, "cluster_size") && m.cluster_size !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.cluster_size);
                if (m.tls != null && $Object.hasOwnProperty.call(m, "tls") && m.tls !== false)
                    w.uint32(/* id 8, wireType 0 =*/64).bool(m.tls);
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.run_id);
                if (m.change != null && $Object.hasOwnProperty.call(m, "change") && m.change !== 0)
                    w.uint32(/* id 10, wireType 0 =*/80).int32(m.change);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified NatsDeploymentEvent message, length delimited. Does not implicitly {@link natsgh.v1.NatsDeploymentEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {natsgh.v1.NatsDeploymentEvent.$Properties} message NatsDeploymentEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NatsDeploymentEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NatsDeploymentEvent message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.NatsDeploymentEvent & natsgh.v1.NatsDeploymentEvent.$Shape} NatsDeploymentEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NatsDeploymentEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.NatsDeploymentEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nats_type = v;
                            else
                                delete m.nats_type;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.mode = v;
                            else
                                delete m.mode;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.urls && m.urls.length))
                                m.urls = [];
                            m.urls.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jetstream_domain = v;
                            else
                                delete m.jetstream_domain;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.servers && m.servers.length))
                                m.servers = [];
                            m.servers.push($root.natsgh.v1.NatsServer.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cluster_size = v;
                            else
                                delete m.cluster_size;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.tls = v;
                            else
                                delete m.tls;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.change = v;
                            else
                                delete m.change;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a NatsDeploymentEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.NatsDeploymentEvent & natsgh.v1.NatsDeploymentEvent.$Shape} NatsDeploymentEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NatsDeploymentEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NatsDeploymentEvent message.
             * @function verify
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NatsDeploymentEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.nats_type != null && $Object.hasOwnProperty.call(m, "nats_type")) {
                    if (!$util.isString(m.nats_type))
                        return "nats_type: string expected";
                }
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    if (!$util.isString(m.mode))
                        return "mode: string expected";
                }
                if (m.urls != null && $Object.hasOwnProperty.call(m, "urls")) {
                    if (!$Array.isArray(m.urls))
                        return "urls: array expected";
                    for (var i = 0; i < m.urls.length; ++i) {
                        if (!$util.isString(m.urls[i]))
                            return "urls: string[] expected";
                    }
                }
                if (m.jetstream_domain != null && $Object.hasOwnProperty.call(m, "jetstream_domain")) {
                    if (!$util.isString(m.jetstream_domain))
                        return "jetstream_domain: string expected";
                }
                if (m.servers != null && $Object.hasOwnProperty.call(m, "servers")) {
                    if (!$Array.isArray(m.servers))
                        return "servers: array expected";
                    for (var i = 0; i < m.servers.length; ++i) {
                        {
                            var e = $root.natsgh.v1.NatsServer.verify(m.servers[i], q + 1);
                            if (e)
                                return "servers." + e;
                        }
                    }
                }
                if (m.cluster_size != null && $Object.hasOwnProperty.call(m, "cluster_size")) {
                    if (!$util.isInteger(m.cluster_size))
                        return "cluster_size: integer expected";
                }
                if (m.tls != null && $Object.hasOwnProperty.call(m, "tls")) {
                    if (typeof m.tls !== "boolean")
                        return "tls: boolean expected";
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                if (m.change != null && $Object.hasOwnProperty.call(m, "change")) {
                    if (typeof m.change !== "number" || (m.change | 0) !== m.change)
                        return "change: enum value expected";
                }
                return null;
            };

            /**
             * Creates a NatsDeploymentEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.NatsDeploymentEvent} NatsDeploymentEvent
             */
            NatsDeploymentEvent.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.NatsDeploymentEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.NatsDeploymentEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.NatsDeploymentEvent();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.nats_type != null) {
                    if (typeof d.nats_type !== "string" || d.nats_type.length) {
                        m.nats_type = $String(d.nats_type);
                    }
                }
                if (d.mode != null) {
                    if (typeof d.mode !== "string" || d.mode.length) {
                        m.mode = $String(d.mode);
                    }
                }
                if (d.urls) {
                    if (!$Array.isArray(d.urls))
                        throw $TypeError(".natsgh.v1.NatsDeploymentEvent.urls: array expected");
                    m.urls = $Array(d.urls.length);
                    for (var i = 0; i < d.urls.length; ++i) {
                        m.urls[i] = $String(d.urls[i]);
                    }
                }
                if (d.jetstream_domain != null) {
                    if (typeof d.jetstream_domain !== "string" || d.jetstream_domain.length) {
                        m.jetstream_domain = $String(d.jetstream_domain);
                    }
                }
                if (d.servers) {
                    if (!$Array.isArray(d.servers))
                        throw $TypeError(".natsgh.v1.NatsDeploymentEvent.servers: array expected");
                    m.servers = $Array(d.servers.length);
                    for (var i = 0; i < d.servers.length; ++i) {
                        if (!$util.isObject(d.servers[i]))
                            throw $TypeError(".natsgh.v1.NatsDeploymentEvent.servers: object expected");
                        m.servers[i] = $root.natsgh.v1.NatsServer.fromObject(d.servers[i], q + 1);
                    }
                }
                if (d.cluster_size != null) {
                    if ($Number(d.cluster_size) !== 0) {
                        m.cluster_size = d.cluster_size >>> 0;
                    }
                }
                if (d.tls != null) {
                    if (d.tls) {
                        m.tls = $Boolean(d.tls);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                if (d.change !== 0 && (typeof d.change !== "string" || $root.natsgh.v1.DeploymentChange[d.change] !== 0)) {
                    switch (d.change) {
                    case "DEPLOYMENT_CHANGE_UNSPECIFIED":
                    case 0:
                        m.change = 0;
                        break;
                    case "DEPLOYMENT_CHANGE_PROVISIONED":
                    case 1:
                        m.change = 1;
                        break;
                    case "DEPLOYMENT_CHANGE_VERIFIED":
                    case 2:
                        m.change = 2;
                        break;
                    case "DEPLOYMENT_CHANGE_UPDATED":
                    case 3:
                        m.change = 3;
                        break;
                    case "DEPLOYMENT_CHANGE_TORN_DOWN":
                    case 4:
                        m.change = 4;
                        break;
                    default:
                        if (typeof d.change === "number" && (d.change | 0) === d.change)
                            m.change = d.change;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a NatsDeploymentEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {natsgh.v1.NatsDeploymentEvent} m NatsDeploymentEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NatsDeploymentEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.urls = [];
                    d.servers = [];
                }
                if (o.defaults) {
                    d.deployment = "";
                    d.nats_type = "";
                    d.mode = "";
                    d.jetstream_domain = "";
                    d.cluster_size = 0;
                    d.tls = false;
                    d.run_id = "";
                    d.change = o.enums === $String ? "DEPLOYMENT_CHANGE_UNSPECIFIED" : 0;
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.nats_type != null && $Object.hasOwnProperty.call(m, "nats_type")) {
                    d.nats_type = m.nats_type;
                }
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    d.mode = m.mode;
                }
                if (m.urls && m.urls.length) {
                    d.urls = $Array(m.urls.length);
                    for (var j = 0; j < m.urls.length; ++j) {
                        d.urls[j] = m.urls[j];
                    }
                }
                if (m.jetstream_domain != null && $Object.hasOwnProperty.call(m, "jetstream_domain")) {
                    d.jetstream_domain = m.jetstream_domain;
                }
                if (m.servers && m.servers.length) {
                    d.servers = $Array(m.servers.length);
                    for (var j = 0; j < m.servers.length; ++j) {
                        d.servers[j] = $root.natsgh.v1.NatsServer.toObject(m.servers[j], o, q + 1);
                    }
                }
                if (m.cluster_size != null && $Object.hasOwnProperty.call(m, "cluster_size")) {
                    d.cluster_size = m.cluster_size;
                }
                if (m.tls != null && $Object.hasOwnProperty.call(m, "tls")) {
                    d.tls = m.tls;
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                if (m.change != null && $Object.hasOwnProperty.call(m, "change")) {
                    d.change = o.enums === $String ? $root.natsgh.v1.DeploymentChange[m.change] === $undefined ? m.change : $root.natsgh.v1.DeploymentChange[m.change] : m.change;
                }
                return d;
            };

            /**
             * Converts this NatsDeploymentEvent to JSON.
             * @function toJSON
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NatsDeploymentEvent.prototype.toJSON = function() {
                return NatsDeploymentEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for NatsDeploymentEvent
             * @function getTypeUrl
             * @memberof natsgh.v1.NatsDeploymentEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NatsDeploymentEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.NatsDeploymentEvent";
            };

            return NatsDeploymentEvent;
        })();

        v1.SynadiaCloudConfig = (function() {

            /**
             * Properties of a SynadiaCloudConfig.
             * @typedef {Object} natsgh.v1.SynadiaCloudConfig.$Properties
             * @property {string|null} [deployment] SynadiaCloudConfig deployment
             * @property {string|null} [url] SynadiaCloudConfig url
             * @property {string|null} [account_public_key] SynadiaCloudConfig account_public_key
             * @property {string|null} [user_public_key] SynadiaCloudConfig user_public_key
             * @property {string|null} [creds_fingerprint] SynadiaCloudConfig creds_fingerprint
             * @property {number|null} [expires_unix_s] SynadiaCloudConfig expires_unix_s
             * @property {string|null} [jetstream_domain] SynadiaCloudConfig jetstream_domain
             * @property {string|null} [run_id] SynadiaCloudConfig run_id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SynadiaCloudConfig.
             * @memberof natsgh.v1
             * @interface ISynadiaCloudConfig
             * @augments natsgh.v1.SynadiaCloudConfig.$Properties
             * @deprecated Use natsgh.v1.SynadiaCloudConfig.$Properties instead.
             */

            /**
             * Shape of a SynadiaCloudConfig.
             * @typedef {natsgh.v1.SynadiaCloudConfig.$Properties} natsgh.v1.SynadiaCloudConfig.$Shape
             */

            /**
             * Constructs a new SynadiaCloudConfig.
             * @memberof natsgh.v1
             * @classdesc Represents a SynadiaCloudConfig.
             * @constructor
             * @param {natsgh.v1.SynadiaCloudConfig.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SynadiaCloudConfig = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SynadiaCloudConfig deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.deployment = "";

            /**
             * SynadiaCloudConfig url.
             * @member {string} url
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.url = "";

            /**
             * SynadiaCloudConfig account_public_key.
             * @member {string} account_public_key
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.account_public_key = "";

            /**
             * SynadiaCloudConfig user_public_key.
             * @member {string} user_public_key
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.user_public_key = "";

            /**
             * SynadiaCloudConfig creds_fingerprint.
             * @member {string} creds_fingerprint
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.creds_fingerprint = "";

            /**
             * SynadiaCloudConfig expires_unix_s.
             * @member {number} expires_unix_s
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.expires_unix_s = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SynadiaCloudConfig jetstream_domain.
             * @member {string} jetstream_domain
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.jetstream_domain = "";

            /**
             * SynadiaCloudConfig run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             */
            SynadiaCloudConfig.prototype.run_id = "";

            /**
             * Creates a new SynadiaCloudConfig instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {natsgh.v1.SynadiaCloudConfig.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.SynadiaCloudConfig} SynadiaCloudConfig instance
             * @type {{
             *   (properties: natsgh.v1.SynadiaCloudConfig.$Shape): natsgh.v1.SynadiaCloudConfig & natsgh.v1.SynadiaCloudConfig.$Shape;
             *   (properties?: natsgh.v1.SynadiaCloudConfig.$Properties): natsgh.v1.SynadiaCloudConfig;
             * }}
             */
            SynadiaCloudConfig.create = function(properties) {
                return new SynadiaCloudConfig(properties);
            };

            /**
             * Encodes the specified SynadiaCloudConfig message. Does not implicitly {@link natsgh.v1.SynadiaCloudConfig.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {natsgh.v1.SynadiaCloudConfig.$Properties} m SynadiaCloudConfig message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SynadiaCloudConfig.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.url != null && $Object.hasOwnProperty.call(m, "url") && m.url !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.url);
                if (m.account_public_key != null && $Object.hasOwnProperty.call(m, "account_public_key") && m.account_public_key !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.account_public_key);
                if (m.user_public_key != null && $Object.hasOwnProperty.call(m, "user_public_key") && m.user_public_key !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.user_public_key);
                if (m.creds_fingerprint != null && $Object.hasOwnProperty.call(m, "creds_fingerprint") && m.creds_fingerprint !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.creds_fingerprint);
                if (m.expires_unix_s != null && $Object.hasOwnProperty.call(m, "expires_unix_s") && (typeof m.expires_unix_s === "object" ? m.expires_unix_s.low || m.expires_unix_s.high : m.expires_unix_s !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).int64(m.expires_unix_s);
                if (m.jetstream_domain != null && $Object.hasOwnProperty.call(m, "jetstream_domain") && m.jetstream_domain !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.jetstream_domain);
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.run_id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SynadiaCloudConfig message, length delimited. Does not implicitly {@link natsgh.v1.SynadiaCloudConfig.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {natsgh.v1.SynadiaCloudConfig.$Properties} message SynadiaCloudConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SynadiaCloudConfig.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SynadiaCloudConfig message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.SynadiaCloudConfig & natsgh.v1.SynadiaCloudConfig.$Shape} SynadiaCloudConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SynadiaCloudConfig.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.SynadiaCloudConfig();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.url = v;
                            else
                                delete m.url;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.account_public_key = v;
                            else
                                delete m.account_public_key;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.user_public_key = v;
                            else
                                delete m.user_public_key;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.creds_fingerprint = v;
                            else
                                delete m.creds_fingerprint;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expires_unix_s = v;
                            else
                                delete m.expires_unix_s;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jetstream_domain = v;
                            else
                                delete m.jetstream_domain;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SynadiaCloudConfig message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.SynadiaCloudConfig & natsgh.v1.SynadiaCloudConfig.$Shape} SynadiaCloudConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SynadiaCloudConfig.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SynadiaCloudConfig message.
             * @function verify
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SynadiaCloudConfig.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.url != null && $Object.hasOwnProperty.call(m, "url")) {
                    if (!$util.isString(m.url))
                        return "url: string expected";
                }
                if (m.account_public_key != null && $Object.hasOwnProperty.call(m, "account_public_key")) {
                    if (!$util.isString(m.account_public_key))
                        return "account_public_key: string expected";
                }
                if (m.user_public_key != null && $Object.hasOwnProperty.call(m, "user_public_key")) {
                    if (!$util.isString(m.user_public_key))
                        return "user_public_key: string expected";
                }
                if (m.creds_fingerprint != null && $Object.hasOwnProperty.call(m, "creds_fingerprint")) {
                    if (!$util.isString(m.creds_fingerprint))
                        return "creds_fingerprint: string expected";
                }
                if (m.expires_unix_s != null && $Object.hasOwnProperty.call(m, "expires_unix_s")) {
                    if (!$util.isInteger(m.expires_unix_s) && !(m.expires_unix_s && $util.isInteger(m.expires_unix_s.low) && $util.isInteger(m.expires_unix_s.high)))
                        return "expires_unix_s: integer|Long expected";
                }
                if (m.jetstream_domain != null && $Object.hasOwnProperty.call(m, "jetstream_domain")) {
                    if (!$util.isString(m.jetstream_domain))
                        return "jetstream_domain: string expected";
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                return null;
            };

            /**
             * Creates a SynadiaCloudConfig message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.SynadiaCloudConfig} SynadiaCloudConfig
             */
            SynadiaCloudConfig.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.SynadiaCloudConfig)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.SynadiaCloudConfig: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.SynadiaCloudConfig();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.url != null) {
                    if (typeof d.url !== "string" || d.url.length) {
                        m.url = $String(d.url);
                    }
                }
                if (d.account_public_key != null) {
                    if (typeof d.account_public_key !== "string" || d.account_public_key.length) {
                        m.account_public_key = $String(d.account_public_key);
                    }
                }
                if (d.user_public_key != null) {
                    if (typeof d.user_public_key !== "string" || d.user_public_key.length) {
                        m.user_public_key = $String(d.user_public_key);
                    }
                }
                if (d.creds_fingerprint != null) {
                    if (typeof d.creds_fingerprint !== "string" || d.creds_fingerprint.length) {
                        m.creds_fingerprint = $String(d.creds_fingerprint);
                    }
                }
                if (d.expires_unix_s != null) {
                    if (typeof d.expires_unix_s === "object" ? d.expires_unix_s.low || d.expires_unix_s.high : $Number(d.expires_unix_s) !== 0) {
                        if ($util.Long)
                            m.expires_unix_s = $util.Long.fromValue(d.expires_unix_s, false);
                        else if (typeof d.expires_unix_s === "string")
                            m.expires_unix_s = $parseInt(d.expires_unix_s, 10);
                        else if (typeof d.expires_unix_s === "number")
                            m.expires_unix_s = d.expires_unix_s;
                        else if (typeof d.expires_unix_s === "object")
                            m.expires_unix_s = new $util.LongBits(d.expires_unix_s.low >>> 0, d.expires_unix_s.high >>> 0).toNumber();
                    }
                }
                if (d.jetstream_domain != null) {
                    if (typeof d.jetstream_domain !== "string" || d.jetstream_domain.length) {
                        m.jetstream_domain = $String(d.jetstream_domain);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SynadiaCloudConfig message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {natsgh.v1.SynadiaCloudConfig} m SynadiaCloudConfig
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SynadiaCloudConfig.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deployment = "";
                    d.url = "";
                    d.account_public_key = "";
                    d.user_public_key = "";
                    d.creds_fingerprint = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expires_unix_s = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expires_unix_s = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.jetstream_domain = "";
                    d.run_id = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.url != null && $Object.hasOwnProperty.call(m, "url")) {
                    d.url = m.url;
                }
                if (m.account_public_key != null && $Object.hasOwnProperty.call(m, "account_public_key")) {
                    d.account_public_key = m.account_public_key;
                }
                if (m.user_public_key != null && $Object.hasOwnProperty.call(m, "user_public_key")) {
                    d.user_public_key = m.user_public_key;
                }
                if (m.creds_fingerprint != null && $Object.hasOwnProperty.call(m, "creds_fingerprint")) {
                    d.creds_fingerprint = m.creds_fingerprint;
                }
                if (m.expires_unix_s != null && $Object.hasOwnProperty.call(m, "expires_unix_s")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expires_unix_s = typeof m.expires_unix_s === "number" ? $BigInt(m.expires_unix_s) : $util.Long.fromBits(m.expires_unix_s.low >>> 0, m.expires_unix_s.high >>> 0, false).toBigInt();
                    else if (typeof m.expires_unix_s === "number")
                        d.expires_unix_s = o.longs === $String ? $String(m.expires_unix_s) : m.expires_unix_s;
                    else
                        d.expires_unix_s = o.longs === $String ? $util.Long.prototype.toString.call(m.expires_unix_s) : o.longs === $Number ? new $util.LongBits(m.expires_unix_s.low >>> 0, m.expires_unix_s.high >>> 0).toNumber() : m.expires_unix_s;
                }
                if (m.jetstream_domain != null && $Object.hasOwnProperty.call(m, "jetstream_domain")) {
                    d.jetstream_domain = m.jetstream_domain;
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                return d;
            };

            /**
             * Converts this SynadiaCloudConfig to JSON.
             * @function toJSON
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SynadiaCloudConfig.prototype.toJSON = function() {
                return SynadiaCloudConfig.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SynadiaCloudConfig
             * @function getTypeUrl
             * @memberof natsgh.v1.SynadiaCloudConfig
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SynadiaCloudConfig.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.SynadiaCloudConfig";
            };

            return SynadiaCloudConfig;
        })();

        /**
         * ClusterChange enum.
         * @name natsgh.v1.ClusterChange
         * @enum {number}
         * @property {number} CLUSTER_CHANGE_UNSPECIFIED=0 CLUSTER_CHANGE_UNSPECIFIED value
         * @property {number} CLUSTER_CHANGE_NODE_JOINED=1 CLUSTER_CHANGE_NODE_JOINED value
         * @property {number} CLUSTER_CHANGE_NODE_LEFT=2 CLUSTER_CHANGE_NODE_LEFT value
         * @property {number} CLUSTER_CHANGE_NODE_RESTARTED=3 CLUSTER_CHANGE_NODE_RESTARTED value
         * @property {number} CLUSTER_CHANGE_SCALED=4 CLUSTER_CHANGE_SCALED value
         * @property {number} CLUSTER_CHANGE_META_LEADER=5 CLUSTER_CHANGE_META_LEADER value
         */
        v1.ClusterChange = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CLUSTER_CHANGE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CLUSTER_CHANGE_NODE_JOINED"] = 1;
            values[valuesById[2] = "CLUSTER_CHANGE_NODE_LEFT"] = 2;
            values[valuesById[3] = "CLUSTER_CHANGE_NODE_RESTARTED"] = 3;
            values[valuesById[4] = "CLUSTER_CHANGE_SCALED"] = 4;
            values[valuesById[5] = "CLUSTER_CHANGE_META_LEADER"] = 5;
            return values;
        })();

        v1.ClusterEvent = (function() {

            /**
             * Properties of a ClusterEvent.
             * @typedef {Object} natsgh.v1.ClusterEvent.$Properties
             * @property {string|null} [deployment] ClusterEvent deployment
             * @property {natsgh.v1.ClusterChange|null} [change] ClusterEvent change
             * @property {string|null} [node] ClusterEvent node
             * @property {number|null} [size_before] ClusterEvent size_before
             * @property {number|null} [size_after] ClusterEvent size_after
             * @property {string|null} [meta_leader] ClusterEvent meta_leader
             * @property {string|null} [cluster_name] ClusterEvent cluster_name
             * @property {string|null} [run_id] ClusterEvent run_id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClusterEvent.
             * @memberof natsgh.v1
             * @interface IClusterEvent
             * @augments natsgh.v1.ClusterEvent.$Properties
             * @deprecated Use natsgh.v1.ClusterEvent.$Properties instead.
             */

            /**
             * Shape of a ClusterEvent.
             * @typedef {natsgh.v1.ClusterEvent.$Properties} natsgh.v1.ClusterEvent.$Shape
             */

            /**
             * Constructs a new ClusterEvent.
             * @memberof natsgh.v1
             * @classdesc Represents a ClusterEvent.
             * @constructor
             * @param {natsgh.v1.ClusterEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClusterEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ClusterEvent deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.deployment = "";

            /**
             * ClusterEvent change.
             * @member {natsgh.v1.ClusterChange} change
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.change = 0;

            /**
             * ClusterEvent node.
             * @member {string} node
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.node = "";

            /**
             * ClusterEvent size_before.
             * @member {number} size_before
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.size_before = 0;

            /**
             * ClusterEvent size_after.
             * @member {number} size_after
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.size_after = 0;

            /**
             * ClusterEvent meta_leader.
             * @member {string} meta_leader
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.meta_leader = "";

            /**
             * ClusterEvent cluster_name.
             * @member {string} cluster_name
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.cluster_name = "";

            /**
             * ClusterEvent run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.run_id = "";

            /**
             * Creates a new ClusterEvent instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {natsgh.v1.ClusterEvent.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.ClusterEvent} ClusterEvent instance
             * @type {{
             *   (properties: natsgh.v1.ClusterEvent.$Shape): natsgh.v1.ClusterEvent & natsgh.v1.ClusterEvent.$Shape;
             *   (properties?: natsgh.v1.ClusterEvent.$Properties): natsgh.v1.ClusterEvent;
             * }}
             */
            ClusterEvent.create = function(properties) {
                return new ClusterEvent(properties);
            };

            /**
             * Encodes the specified ClusterEvent message. Does not implicitly {@link natsgh.v1.ClusterEvent.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {natsgh.v1.ClusterEvent.$Properties} m ClusterEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.change != null && $Object.hasOwnProperty.call(m, "change") && m.change !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.change);
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.node);
                if (m.size_before != null && $Object.hasOwnProperty.call(m, "size_before") && m.size_before !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.size_before);
                if (m.size_after != null && $Object.hasOwnProperty.call(m, "size_after") && m.size_after !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.size_after);
                if (m.meta_leader != null && $Object.hasOwnProperty.call(m, "meta_leader") && m.meta_leader !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.meta_leader);
                if (m.cluster_name != null && $Object.hasOwnProperty.call(m, "cluster_name") && m.cluster_name !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.cluster_name);
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.run_id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ClusterEvent message, length delimited. Does not implicitly {@link natsgh.v1.ClusterEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {natsgh.v1.ClusterEvent.$Properties} message ClusterEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ClusterEvent message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.ClusterEvent & natsgh.v1.ClusterEvent.$Shape} ClusterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.ClusterEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.change = v;
                            else
                                delete m.change;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.size_before = v;
                            else
                                delete m.size_before;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.size_after = v;
                            else
                                delete m.size_after;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.meta_leader = v;
                            else
                                delete m.meta_leader;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.cluster_name = v;
                            else
                                delete m.cluster_name;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ClusterEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.ClusterEvent & natsgh.v1.ClusterEvent.$Shape} ClusterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ClusterEvent message.
             * @function verify
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ClusterEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.change != null && $Object.hasOwnProperty.call(m, "change")) {
                    if (typeof m.change !== "number" || (m.change | 0) !== m.change)
                        return "change: enum value expected";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    if (!$util.isString(m.node))
                        return "node: string expected";
                }
                if (m.size_before != null && $Object.hasOwnProperty.call(m, "size_before")) {
                    if (!$util.isInteger(m.size_before))
                        return "size_before: integer expected";
                }
                if (m.size_after != null && $Object.hasOwnProperty.call(m, "size_after")) {
                    if (!$util.isInteger(m.size_after))
                        return "size_after: integer expected";
                }
                if (m.meta_leader != null && $Object.hasOwnProperty.call(m, "meta_leader")) {
                    if (!$util.isString(m.meta_leader))
                        return "meta_leader: string expected";
                }
                if (m.cluster_name != null && $Object.hasOwnProperty.call(m, "cluster_name")) {
                    if (!$util.isString(m.cluster_name))
                        return "cluster_name: string expected";
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                return null;
            };

            /**
             * Creates a ClusterEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.ClusterEvent} ClusterEvent
             */
            ClusterEvent.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.ClusterEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.ClusterEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.ClusterEvent();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.change !== 0 && (typeof d.change !== "string" || $root.natsgh.v1.ClusterChange[d.change] !== 0)) {
                    switch (d.change) {
                    case "CLUSTER_CHANGE_UNSPECIFIED":
                    case 0:
                        m.change = 0;
                        break;
                    case "CLUSTER_CHANGE_NODE_JOINED":
                    case 1:
                        m.change = 1;
                        break;
                    case "CLUSTER_CHANGE_NODE_LEFT":
                    case 2:
                        m.change = 2;
                        break;
                    case "CLUSTER_CHANGE_NODE_RESTARTED":
                    case 3:
                        m.change = 3;
                        break;
                    case "CLUSTER_CHANGE_SCALED":
                    case 4:
                        m.change = 4;
                        break;
                    case "CLUSTER_CHANGE_META_LEADER":
                    case 5:
                        m.change = 5;
                        break;
                    default:
                        if (typeof d.change === "number" && (d.change | 0) === d.change)
                            m.change = d.change;
                    }
                }
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.size_before != null) {
                    if ($Number(d.size_before) !== 0) {
                        m.size_before = d.size_before >>> 0;
                    }
                }
                if (d.size_after != null) {
                    if ($Number(d.size_after) !== 0) {
                        m.size_after = d.size_after >>> 0;
                    }
                }
                if (d.meta_leader != null) {
                    if (typeof d.meta_leader !== "string" || d.meta_leader.length) {
                        m.meta_leader = $String(d.meta_leader);
                    }
                }
                if (d.cluster_name != null) {
                    if (typeof d.cluster_name !== "string" || d.cluster_name.length) {
                        m.cluster_name = $String(d.cluster_name);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ClusterEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {natsgh.v1.ClusterEvent} m ClusterEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ClusterEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deployment = "";
                    d.change = o.enums === $String ? "CLUSTER_CHANGE_UNSPECIFIED" : 0;
                    d.node = "";
                    d.size_before = 0;
                    d.size_after = 0;
                    d.meta_leader = "";
                    d.cluster_name = "";
                    d.run_id = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.change != null && $Object.hasOwnProperty.call(m, "change")) {
                    d.change = o.enums === $String ? $root.natsgh.v1.ClusterChange[m.change] === $undefined ? m.change : $root.natsgh.v1.ClusterChange[m.change] : m.change;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                if (m.size_before != null && $Object.hasOwnProperty.call(m, "size_before")) {
                    d.size_before = m.size_before;
                }
                if (m.size_after != null && $Object.hasOwnProperty.call(m, "size_after")) {
                    d.size_after = m.size_after;
                }
                if (m.meta_leader != null && $Object.hasOwnProperty.call(m, "meta_leader")) {
                    d.meta_leader = m.meta_leader;
                }
                if (m.cluster_name != null && $Object.hasOwnProperty.call(m, "cluster_name")) {
                    d.cluster_name = m.cluster_name;
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                return d;
            };

            /**
             * Converts this ClusterEvent to JSON.
             * @function toJSON
             * @memberof natsgh.v1.ClusterEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ClusterEvent.prototype.toJSON = function() {
                return ClusterEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ClusterEvent
             * @function getTypeUrl
             * @memberof natsgh.v1.ClusterEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClusterEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.ClusterEvent";
            };

            return ClusterEvent;
        })();

        v1.TerraformStateEvent = (function() {

            /**
             * Properties of a TerraformStateEvent.
             * @typedef {Object} natsgh.v1.TerraformStateEvent.$Properties
             * @property {string|null} [deployment] TerraformStateEvent deployment
             * @property {string|null} [workspace] TerraformStateEvent workspace
             * @property {number|null} [serial] TerraformStateEvent serial
             * @property {string|null} [lineage] TerraformStateEvent lineage
             * @property {number|null} [resource_count] TerraformStateEvent resource_count
             * @property {string|null} [outputs_digest] TerraformStateEvent outputs_digest
             * @property {string|null} [action] TerraformStateEvent action
             * @property {string|null} [backend] TerraformStateEvent backend
             * @property {string|null} [terraform_version] TerraformStateEvent terraform_version
             * @property {string|null} [run_id] TerraformStateEvent run_id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TerraformStateEvent.
             * @memberof natsgh.v1
             * @interface ITerraformStateEvent
             * @augments natsgh.v1.TerraformStateEvent.$Properties
             * @deprecated Use natsgh.v1.TerraformStateEvent.$Properties instead.
             */

            /**
             * Shape of a TerraformStateEvent.
             * @typedef {natsgh.v1.TerraformStateEvent.$Properties} natsgh.v1.TerraformStateEvent.$Shape
             */

            /**
             * Constructs a new TerraformStateEvent.
             * @memberof natsgh.v1
             * @classdesc Represents a TerraformStateEvent.
             * @constructor
             * @param {natsgh.v1.TerraformStateEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TerraformStateEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * TerraformStateEvent deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.deployment = "";

            /**
             * TerraformStateEvent workspace.
             * @member {string} workspace
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.workspace = "";

            /**
             * TerraformStateEvent serial.
             * @member {number} serial
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.serial = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TerraformStateEvent lineage.
             * @member {string} lineage
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.lineage = "";

            /**
             * TerraformStateEvent resource_count.
             * @member {number} resource_count
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.resource_count = 0;

            /**
             * TerraformStateEvent outputs_digest.
             * @member {string} outputs_digest
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.outputs_digest = "";

            /**
             * TerraformStateEvent action.
             * @member {string} action
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.action = "";

            /**
             * TerraformStateEvent backend.
             * @member {string} backend
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.backend = "";

            /**
             * TerraformStateEvent terraform_version.
             * @member {string} terraform_version
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.terraform_version = "";

            /**
             * TerraformStateEvent run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             */
            TerraformStateEvent.prototype.run_id = "";

            /**
             * Creates a new TerraformStateEvent instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {natsgh.v1.TerraformStateEvent.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.TerraformStateEvent} TerraformStateEvent instance
             * @type {{
             *   (properties: natsgh.v1.TerraformStateEvent.$Shape): natsgh.v1.TerraformStateEvent & natsgh.v1.TerraformStateEvent.$Shape;
             *   (properties?: natsgh.v1.TerraformStateEvent.$Properties): natsgh.v1.TerraformStateEvent;
             * }}
             */
            TerraformStateEvent.create = function(properties) {
                return new TerraformStateEvent(properties);
            };

            /**
             * Encodes the specified TerraformStateEvent message. Does not implicitly {@link natsgh.v1.TerraformStateEvent.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {natsgh.v1.TerraformStateEvent.$Properties} m TerraformStateEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TerraformStateEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.workspace != null && $Object.hasOwnProperty.call(m, "workspace") && m.workspace !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.workspace);
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial") && (typeof m.serial === "object" ? m.serial.low || m.serial.high : m.serial !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.serial);
                if (m.lineage != null && $Object.hasOwnProperty.call(m, "lineage") && m.lineage !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.lineage);
                if (m.resource_count != null && $Object.hasOwnProperty.call(m, "resource_count") && m.resource_count !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.resource_count);
                if (m.outputs_digest != null && $Object.hasOwnProperty.call(m, "outputs_digest") && m.outputs_digest !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.outputs_digest);
                if (m.action != null && $Object.hasOwnProperty.call(m, "action") && m.action !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.action);
                if (m.backend != null && $Object.hasOwnProperty.call(m, "backend") && m.backend !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.backend);
                if (m.terraform_version != null && $Object.hasOwnProperty.call(m, "terraform_version") && m.terraform_version !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.terraform_version);
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.run_id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified TerraformStateEvent message, length delimited. Does not implicitly {@link natsgh.v1.TerraformStateEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {natsgh.v1.TerraformStateEvent.$Properties} message TerraformStateEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TerraformStateEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TerraformStateEvent message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.TerraformStateEvent & natsgh.v1.TerraformStateEvent.$Shape} TerraformStateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TerraformStateEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.TerraformStateEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.workspace = v;
                            else
                                delete m.workspace;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.serial = v;
                            else
                                delete m.serial;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lineage = v;
                            else
                                delete m.lineage;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.resource_count = v;
                            else
                                delete m.resource_count;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.outputs_digest = v;
                            else
                                delete m.outputs_digest;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.action = v;
                            else
                                delete m.action;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.backend = v;
                            else
                                delete m.backend;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.terraform_version = v;
                            else
                                delete m.terraform_version;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a TerraformStateEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.TerraformStateEvent & natsgh.v1.TerraformStateEvent.$Shape} TerraformStateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TerraformStateEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TerraformStateEvent message.
             * @function verify
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TerraformStateEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.workspace != null && $Object.hasOwnProperty.call(m, "workspace")) {
                    if (!$util.isString(m.workspace))
                        return "workspace: string expected";
                }
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial")) {
                    if (!$util.isInteger(m.serial) && !(m.serial && $util.isInteger(m.serial.low) && $util.isInteger(m.serial.high)))
                        return "serial: integer|Long expected";
                }
                if (m.lineage != null && $Object.hasOwnProperty.call(m, "lineage")) {
                    if (!$util.isString(m.lineage))
                        return "lineage: string expected";
                }
                if (m.resource_count != null && $Object.hasOwnProperty.call(m, "resource_count")) {
                    if (!$util.isInteger(m.resource_count))
                        return "resource_count: integer expected";
                }
                if (m.outputs_digest != null && $Object.hasOwnProperty.call(m, "outputs_digest")) {
                    if (!$util.isString(m.outputs_digest))
                        return "outputs_digest: string expected";
                }
                if (m.action != null && $Object.hasOwnProperty.call(m, "action")) {
                    if (!$util.isString(m.action))
                        return "action: string expected";
                }
                if (m.backend != null && $Object.hasOwnProperty.call(m, "backend")) {
                    if (!$util.isString(m.backend))
                        return "backend: string expected";
                }
                if (m.terraform_version != null && $Object.hasOwnProperty.call(m, "terraform_version")) {
                    if (!$util.isString(m.terraform_version))
                        return "terraform_version: string expected";
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                return null;
            };

            /**
             * Creates a TerraformStateEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.TerraformStateEvent} TerraformStateEvent
             */
            TerraformStateEvent.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.TerraformStateEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.TerraformStateEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.TerraformStateEvent();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.workspace != null) {
                    if (typeof d.workspace !== "string" || d.workspace.length) {
                        m.workspace = $String(d.workspace);
                    }
                }
                if (d.serial != null) {
                    if (typeof d.serial === "object" ? d.serial.low || d.serial.high : $Number(d.serial) !== 0) {
                        if ($util.Long)
                            m.serial = $util.Long.fromValue(d.serial, false);
                        else if (typeof d.serial === "string")
                            m.serial = $parseInt(d.serial, 10);
                        else if (typeof d.serial === "number")
                            m.serial = d.serial;
                        else if (typeof d.serial === "object")
                            m.serial = new $util.LongBits(d.serial.low >>> 0, d.serial.high >>> 0).toNumber();
                    }
                }
                if (d.lineage != null) {
                    if (typeof d.lineage !== "string" || d.lineage.length) {
                        m.lineage = $String(d.lineage);
                    }
                }
                if (d.resource_count != null) {
                    if ($Number(d.resource_count) !== 0) {
                        m.resource_count = d.resource_count >>> 0;
                    }
                }
                if (d.outputs_digest != null) {
                    if (typeof d.outputs_digest !== "string" || d.outputs_digest.length) {
                        m.outputs_digest = $String(d.outputs_digest);
                    }
                }
                if (d.action != null) {
                    if (typeof d.action !== "string" || d.action.length) {
                        m.action = $String(d.action);
                    }
                }
                if (d.backend != null) {
                    if (typeof d.backend !== "string" || d.backend.length) {
                        m.backend = $String(d.backend);
                    }
                }
                if (d.terraform_version != null) {
                    if (typeof d.terraform_version !== "string" || d.terraform_version.length) {
                        m.terraform_version = $String(d.terraform_version);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a TerraformStateEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {natsgh.v1.TerraformStateEvent} m TerraformStateEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TerraformStateEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deployment = "";
                    d.workspace = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.serial = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.serial = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.lineage = "";
                    d.resource_count = 0;
                    d.outputs_digest = "";
                    d.action = "";
                    d.backend = "";
                    d.terraform_version = "";
                    d.run_id = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.workspace != null && $Object.hasOwnProperty.call(m, "workspace")) {
                    d.workspace = m.workspace;
                }
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.serial = typeof m.serial === "number" ? $BigInt(m.serial) : $util.Long.fromBits(m.serial.low >>> 0, m.serial.high >>> 0, false).toBigInt();
                    else if (typeof m.serial === "number")
                        d.serial = o.longs === $String ? $String(m.serial) : m.serial;
                    else
                        d.serial = o.longs === $String ? $util.Long.prototype.toString.call(m.serial) : o.longs === $Number ? new $util.LongBits(m.serial.low >>> 0, m.serial.high >>> 0).toNumber() : m.serial;
                }
                if (m.lineage != null && $Object.hasOwnProperty.call(m, "lineage")) {
                    d.lineage = m.lineage;
                }
                if (m.resource_count != null && $Object.hasOwnProperty.call(m, "resource_count")) {
                    d.resource_count = m.resource_count;
                }
                if (m.outputs_digest != null && $Object.hasOwnProperty.call(m, "outputs_digest")) {
                    d.outputs_digest = m.outputs_digest;
                }
                if (m.action != null && $Object.hasOwnProperty.call(m, "action")) {
                    d.action = m.action;
                }
                if (m.backend != null && $Object.hasOwnProperty.call(m, "backend")) {
                    d.backend = m.backend;
                }
                if (m.terraform_version != null && $Object.hasOwnProperty.call(m, "terraform_version")) {
                    d.terraform_version = m.terraform_version;
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                return d;
            };

            /**
             * Converts this TerraformStateEvent to JSON.
             * @function toJSON
             * @memberof natsgh.v1.TerraformStateEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TerraformStateEvent.prototype.toJSON = function() {
                return TerraformStateEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TerraformStateEvent
             * @function getTypeUrl
             * @memberof natsgh.v1.TerraformStateEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TerraformStateEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.TerraformStateEvent";
            };

            return TerraformStateEvent;
        })();

        /**
         * PhaseTransition enum.
         * @name natsgh.v1.PhaseTransition
         * @enum {number}
         * @property {number} PHASE_TRANSITION_UNSPECIFIED=0 PHASE_TRANSITION_UNSPECIFIED value
         * @property {number} PHASE_TRANSITION_STARTED=1 PHASE_TRANSITION_STARTED value
         * @property {number} PHASE_TRANSITION_DONE=2 PHASE_TRANSITION_DONE value
         * @property {number} PHASE_TRANSITION_SKIPPED=3 PHASE_TRANSITION_SKIPPED value
         * @property {number} PHASE_TRANSITION_FAILED=4 PHASE_TRANSITION_FAILED value
         * @property {number} PHASE_TRANSITION_INTERRUPTED=5 PHASE_TRANSITION_INTERRUPTED value
         */
        v1.PhaseTransition = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PHASE_TRANSITION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PHASE_TRANSITION_STARTED"] = 1;
            values[valuesById[2] = "PHASE_TRANSITION_DONE"] = 2;
            values[valuesById[3] = "PHASE_TRANSITION_SKIPPED"] = 3;
            values[valuesById[4] = "PHASE_TRANSITION_FAILED"] = 4;
            values[valuesById[5] = "PHASE_TRANSITION_INTERRUPTED"] = 5;
            return values;
        })();

        v1.PhaseEvent = (function() {

            /**
             * Properties of a PhaseEvent.
             * @typedef {Object} natsgh.v1.PhaseEvent.$Properties
             * @property {string|null} [deployment] PhaseEvent deployment
             * @property {string|null} [run_id] PhaseEvent run_id
             * @property {string|null} [phase_id] PhaseEvent phase_id
             * @property {natsgh.v1.PhaseTransition|null} [transition] PhaseEvent transition
             * @property {number|null} [duration_ms] PhaseEvent duration_ms
             * @property {string|null} [reason] PhaseEvent reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PhaseEvent.
             * @memberof natsgh.v1
             * @interface IPhaseEvent
             * @augments natsgh.v1.PhaseEvent.$Properties
             * @deprecated Use natsgh.v1.PhaseEvent.$Properties instead.
             */

            /**
             * Shape of a PhaseEvent.
             * @typedef {natsgh.v1.PhaseEvent.$Properties} natsgh.v1.PhaseEvent.$Shape
             */

            /**
             * Constructs a new PhaseEvent.
             * @memberof natsgh.v1
             * @classdesc Represents a PhaseEvent.
             * @constructor
             * @param {natsgh.v1.PhaseEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PhaseEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PhaseEvent deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             */
            PhaseEvent.prototype.deployment = "";

            /**
             * PhaseEvent run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             */
            PhaseEvent.prototype.run_id = "";

            /**
             * PhaseEvent phase_id.
             * @member {string} phase_id
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             */
            PhaseEvent.prototype.phase_id = "";

            /**
             * PhaseEvent transition.
             * @member {natsgh.v1.PhaseTransition} transition
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             */
            PhaseEvent.prototype.transition = 0;

            /**
             * PhaseEvent duration_ms.
             * @member {number} duration_ms
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             */
            PhaseEvent.prototype.duration_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PhaseEvent reason.
             * @member {string} reason
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             */
            PhaseEvent.prototype.reason = "";

            /**
             * Creates a new PhaseEvent instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {natsgh.v1.PhaseEvent.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.PhaseEvent} PhaseEvent instance
             * @type {{
             *   (properties: natsgh.v1.PhaseEvent.$Shape): natsgh.v1.PhaseEvent & natsgh.v1.PhaseEvent.$Shape;
             *   (properties?: natsgh.v1.PhaseEvent.$Properties): natsgh.v1.PhaseEvent;
             * }}
             */
            PhaseEvent.create = function(properties) {
                return new PhaseEvent(properties);
            };

            /**
             * Encodes the specified PhaseEvent message. Does not implicitly {@link natsgh.v1.PhaseEvent.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {natsgh.v1.PhaseEvent.$Properties} m PhaseEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PhaseEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.run_id);
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id") && m.phase_id !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.phase_id);
                if (m.transition != null && $Object.hasOwnProperty.call(m, "transition") && m.transition !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.transition);
                if (m.duration_ms != null && $Object.hasOwnProperty.call(m, "duration_ms") && (typeof m.duration_ms === "object" ? m.duration_ms.low || m.duration_ms.high : m.duration_ms !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).int64(m.duration_ms);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PhaseEvent message, length delimited. Does not implicitly {@link natsgh.v1.PhaseEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {natsgh.v1.PhaseEvent.$Properties} message PhaseEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PhaseEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PhaseEvent message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.PhaseEvent & natsgh.v1.PhaseEvent.$Shape} PhaseEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PhaseEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.PhaseEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.phase_id = v;
                            else
                                delete m.phase_id;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.transition = v;
                            else
                                delete m.transition;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.duration_ms = v;
                            else
                                delete m.duration_ms;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PhaseEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.PhaseEvent & natsgh.v1.PhaseEvent.$Shape} PhaseEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PhaseEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PhaseEvent message.
             * @function verify
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PhaseEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id")) {
                    if (!$util.isString(m.phase_id))
                        return "phase_id: string expected";
                }
                if (m.transition != null && $Object.hasOwnProperty.call(m, "transition")) {
                    if (typeof m.transition !== "number" || (m.transition | 0) !== m.transition)
                        return "transition: enum value expected";
                }
                if (m.duration_ms != null && $Object.hasOwnProperty.call(m, "duration_ms")) {
                    if (!$util.isInteger(m.duration_ms) && !(m.duration_ms && $util.isInteger(m.duration_ms.low) && $util.isInteger(m.duration_ms.high)))
                        return "duration_ms: integer|Long expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            /**
             * Creates a PhaseEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.PhaseEvent} PhaseEvent
             */
            PhaseEvent.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.PhaseEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.PhaseEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.PhaseEvent();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                if (d.phase_id != null) {
                    if (typeof d.phase_id !== "string" || d.phase_id.length) {
                        m.phase_id = $String(d.phase_id);
                    }
                }
                if (d.transition !== 0 && (typeof d.transition !== "string" || $root.natsgh.v1.PhaseTransition[d.transition] !== 0)) {
                    switch (d.transition) {
                    case "PHASE_TRANSITION_UNSPECIFIED":
                    case 0:
                        m.transition = 0;
                        break;
                    case "PHASE_TRANSITION_STARTED":
                    case 1:
                        m.transition = 1;
                        break;
                    case "PHASE_TRANSITION_DONE":
                    case 2:
                        m.transition = 2;
                        break;
                    case "PHASE_TRANSITION_SKIPPED":
                    case 3:
                        m.transition = 3;
                        break;
                    case "PHASE_TRANSITION_FAILED":
                    case 4:
                        m.transition = 4;
                        break;
                    case "PHASE_TRANSITION_INTERRUPTED":
                    case 5:
                        m.transition = 5;
                        break;
                    default:
                        if (typeof d.transition === "number" && (d.transition | 0) === d.transition)
                            m.transition = d.transition;
                    }
                }
                if (d.duration_ms != null) {
                    if (typeof d.duration_ms === "object" ? d.duration_ms.low || d.duration_ms.high : $Number(d.duration_ms) !== 0) {
                        if ($util.Long)
                            m.duration_ms = $util.Long.fromValue(d.duration_ms, false);
                        else if (typeof d.duration_ms === "string")
                            m.duration_ms = $parseInt(d.duration_ms, 10);
                        else if (typeof d.duration_ms === "number")
                            m.duration_ms = d.duration_ms;
                        else if (typeof d.duration_ms === "object")
                            m.duration_ms = new $util.LongBits(d.duration_ms.low >>> 0, d.duration_ms.high >>> 0).toNumber();
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PhaseEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {natsgh.v1.PhaseEvent} m PhaseEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PhaseEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deployment = "";
                    d.run_id = "";
                    d.phase_id = "";
                    d.transition = o.enums === $String ? "PHASE_TRANSITION_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.duration_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.duration_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.reason = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id")) {
                    d.phase_id = m.phase_id;
                }
                if (m.transition != null && $Object.hasOwnProperty.call(m, "transition")) {
                    d.transition = o.enums === $String ? $root.natsgh.v1.PhaseTransition[m.transition] === $undefined ? m.transition : $root.natsgh.v1.PhaseTransition[m.transition] : m.transition;
                }
                if (m.duration_ms != null && $Object.hasOwnProperty.call(m, "duration_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.duration_ms = typeof m.duration_ms === "number" ? $BigInt(m.duration_ms) : $util.Long.fromBits(m.duration_ms.low >>> 0, m.duration_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.duration_ms === "number")
                        d.duration_ms = o.longs === $String ? $String(m.duration_ms) : m.duration_ms;
                    else
                        d.duration_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.duration_ms) : o.longs === $Number ? new $util.LongBits(m.duration_ms.low >>> 0, m.duration_ms.high >>> 0).toNumber() : m.duration_ms;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this PhaseEvent to JSON.
             * @function toJSON
             * @memberof natsgh.v1.PhaseEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PhaseEvent.prototype.toJSON = function() {
                return PhaseEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PhaseEvent
             * @function getTypeUrl
             * @memberof natsgh.v1.PhaseEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PhaseEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.PhaseEvent";
            };

            return PhaseEvent;
        })();

        v1.GeneratedFile = (function() {

            /**
             * Properties of a GeneratedFile.
             * @typedef {Object} natsgh.v1.GeneratedFile.$Properties
             * @property {string|null} [path] GeneratedFile path
             * @property {string|null} [blob_sha] GeneratedFile blob_sha
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GeneratedFile.
             * @memberof natsgh.v1
             * @interface IGeneratedFile
             * @augments natsgh.v1.GeneratedFile.$Properties
             * @deprecated Use natsgh.v1.GeneratedFile.$Properties instead.
             */

            /**
             * Shape of a GeneratedFile.
             * @typedef {natsgh.v1.GeneratedFile.$Properties} natsgh.v1.GeneratedFile.$Shape
             */

            /**
             * Constructs a new GeneratedFile.
             * @memberof natsgh.v1
             * @classdesc Represents a GeneratedFile.
             * @constructor
             * @param {natsgh.v1.GeneratedFile.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GeneratedFile = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * GeneratedFile path.
             * @member {string} path
             * @memberof natsgh.v1.GeneratedFile
             * @instance
             */
            GeneratedFile.prototype.path = "";

            /**
             * GeneratedFile blob_sha.
             * @member {string} blob_sha
             * @memberof natsgh.v1.GeneratedFile
             * @instance
             */
            GeneratedFile.prototype.blob_sha = "";

            /**
             * Creates a new GeneratedFile instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {natsgh.v1.GeneratedFile.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.GeneratedFile} GeneratedFile instance
             * @type {{
             *   (properties: natsgh.v1.GeneratedFile.$Shape): natsgh.v1.GeneratedFile & natsgh.v1.GeneratedFile.$Shape;
             *   (properties?: natsgh.v1.GeneratedFile.$Properties): natsgh.v1.GeneratedFile;
             * }}
             */
            GeneratedFile.create = function(properties) {
                return new GeneratedFile(properties);
            };

            /**
             * Encodes the specified GeneratedFile message. Does not implicitly {@link natsgh.v1.GeneratedFile.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {natsgh.v1.GeneratedFile.$Properties} m GeneratedFile message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GeneratedFile.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.path != null && $Object.hasOwnProperty.call(m, "path") && m.path !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.path);
                if (m.blob_sha != null && $Object.hasOwnProperty.call(m, "blob_sha") && m.blob_sha !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.blob_sha);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified GeneratedFile message, length delimited. Does not implicitly {@link natsgh.v1.GeneratedFile.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {natsgh.v1.GeneratedFile.$Properties} message GeneratedFile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GeneratedFile.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a GeneratedFile message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.GeneratedFile & natsgh.v1.GeneratedFile.$Shape} GeneratedFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GeneratedFile.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.GeneratedFile();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.path = v;
                            else
                                delete m.path;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.blob_sha = v;
                            else
                                delete m.blob_sha;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a GeneratedFile message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.GeneratedFile & natsgh.v1.GeneratedFile.$Shape} GeneratedFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GeneratedFile.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a GeneratedFile message.
             * @function verify
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            GeneratedFile.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.path != null && $Object.hasOwnProperty.call(m, "path")) {
                    if (!$util.isString(m.path))
                        return "path: string expected";
                }
                if (m.blob_sha != null && $Object.hasOwnProperty.call(m, "blob_sha")) {
                    if (!$util.isString(m.blob_sha))
                        return "blob_sha: string expected";
                }
                return null;
            };

            /**
             * Creates a GeneratedFile message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.GeneratedFile} GeneratedFile
             */
            GeneratedFile.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.GeneratedFile)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.GeneratedFile: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.GeneratedFile();
                if (d.path != null) {
                    if (typeof d.path !== "string" || d.path.length) {
                        m.path = $String(d.path);
                    }
                }
                if (d.blob_sha != null) {
                    if (typeof d.blob_sha !== "string" || d.blob_sha.length) {
                        m.blob_sha = $String(d.blob_sha);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a GeneratedFile message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {natsgh.v1.GeneratedFile} m GeneratedFile
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            GeneratedFile.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.path = "";
                    d.blob_sha = "";
                }
                if (m.path != null && $Object.hasOwnProperty.call(m, "path")) {
                    d.path = m.path;
                }
                if (m.blob_sha != null && $Object.hasOwnProperty.call(m, "blob_sha")) {
                    d.blob_sha = m.blob_sha;
                }
                return d;
            };

            /**
             * Converts this GeneratedFile to JSON.
             * @function toJSON
             * @memberof natsgh.v1.GeneratedFile
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            GeneratedFile.prototype.toJSON = function() {
                return GeneratedFile.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for GeneratedFile
             * @function getTypeUrl
             * @memberof natsgh.v1.GeneratedFile
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GeneratedFile.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.GeneratedFile";
            };

            return GeneratedFile;
        })();

        v1.FilesGeneratedEvent = (function() {

            /**
             * Properties of a FilesGeneratedEvent.
             * @typedef {Object} natsgh.v1.FilesGeneratedEvent.$Properties
             * @property {string|null} [deployment] FilesGeneratedEvent deployment
             * @property {string|null} [repo] FilesGeneratedEvent repo
             * @property {string|null} [commit] FilesGeneratedEvent commit
             * @property {Array.<natsgh.v1.GeneratedFile.$Properties>|null} [files] FilesGeneratedEvent files
             * @property {string|null} [render_hash] FilesGeneratedEvent render_hash
             * @property {string|null} [target] FilesGeneratedEvent target
             * @property {boolean|null} [changed] FilesGeneratedEvent changed
             * @property {string|null} [run_id] FilesGeneratedEvent run_id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FilesGeneratedEvent.
             * @memberof natsgh.v1
             * @interface IFilesGeneratedEvent
             * @augments natsgh.v1.FilesGeneratedEvent.$Properties
             * @deprecated Use natsgh.v1.FilesGeneratedEvent.$Properties instead.
             */

            /**
             * Shape of a FilesGeneratedEvent.
             * @typedef {natsgh.v1.FilesGeneratedEvent.$Properties} natsgh.v1.FilesGeneratedEvent.$Shape
             */

            /**
             * Constructs a new FilesGeneratedEvent.
             * @memberof natsgh.v1
             * @classdesc Represents a FilesGeneratedEvent.
             * @constructor
             * @param {natsgh.v1.FilesGeneratedEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FilesGeneratedEvent = function (p) {
                this.files = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * FilesGeneratedEvent deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.deployment = "";

            /**
             * FilesGeneratedEvent repo.
             * @member {string} repo
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.repo = "";

            /**
             * FilesGeneratedEvent commit.
             * @member {string} commit
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.commit = "";

            /**
             * FilesGeneratedEvent files.
             * @member {Array.<natsgh.v1.GeneratedFile.$Properties>} files
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.files = $util.emptyArray;

            /**
             * FilesGeneratedEvent render_hash.
             * @member {string} render_hash
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.render_hash = "";

            /**
             * FilesGeneratedEvent target.
             * @member {string} target
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.target = "";

            /**
             * FilesGeneratedEvent changed.
             * @member {boolean} changed
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.changed = false;

            /**
             * FilesGeneratedEvent run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             */
            FilesGeneratedEvent.prototype.run_id = "";

            /**
             * Creates a new FilesGeneratedEvent instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {natsgh.v1.FilesGeneratedEvent.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.FilesGeneratedEvent} FilesGeneratedEvent instance
             * @type {{
             *   (properties: natsgh.v1.FilesGeneratedEvent.$Shape): natsgh.v1.FilesGeneratedEvent & natsgh.v1.FilesGeneratedEvent.$Shape;
             *   (properties?: natsgh.v1.FilesGeneratedEvent.$Properties): natsgh.v1.FilesGeneratedEvent;
             * }}
             */
            FilesGeneratedEvent.create = function(properties) {
                return new FilesGeneratedEvent(properties);
            };

            /**
             * Encodes the specified FilesGeneratedEvent message. Does not implicitly {@link natsgh.v1.FilesGeneratedEvent.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {natsgh.v1.FilesGeneratedEvent.$Properties} m FilesGeneratedEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FilesGeneratedEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.repo != null && $Object.hasOwnProperty.call(m, "repo") && m.repo !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.repo);
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit") && m.commit !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.commit);
                if (m.files != null && m.files.length) {
                    for (var i = 0; i < m.files.length; ++i)
                        $root.natsgh.v1.GeneratedFile.encode(m.files[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                }
                if (m.render_hash != null && $Object.hasOwnProperty.call(m, "render_hash") && m.render_hash !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.render_hash);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.target);
                if (m.changed != null && $Object.hasOwnProperty.call(m, "changed") && m.changed !== false)
                    w.uint32(/* id 7, wireType 0 =*/56).bool(m.changed);
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.run_id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified FilesGeneratedEvent message, length delimited. Does not implicitly {@link natsgh.v1.FilesGeneratedEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {natsgh.v1.FilesGeneratedEvent.$Properties} message FilesGeneratedEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FilesGeneratedEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a FilesGeneratedEvent message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.FilesGeneratedEvent & natsgh.v1.FilesGeneratedEvent.$Shape} FilesGeneratedEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FilesGeneratedEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.FilesGeneratedEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.repo = v;
                            else
                                delete m.repo;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.commit = v;
                            else
                                delete m.commit;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.files && m.files.length))
                                m.files = [];
                            m.files.push($root.natsgh.v1.GeneratedFile.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.render_hash = v;
                            else
                                delete m.render_hash;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.changed = v;
                            else
                                delete m.changed;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a FilesGeneratedEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.FilesGeneratedEvent & natsgh.v1.FilesGeneratedEvent.$Shape} FilesGeneratedEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FilesGeneratedEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a FilesGeneratedEvent message.
             * @function verify
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            FilesGeneratedEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.repo != null && $Object.hasOwnProperty.call(m, "repo")) {
                    if (!$util.isString(m.repo))
                        return "repo: string expected";
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    if (!$util.isString(m.commit))
                        return "commit: string expected";
                }
                if (m.files != null && $Object.hasOwnProperty.call(m, "files")) {
                    if (!$Array.isArray(m.files))
                        return "files: array expected";
                    for (var i = 0; i < m.files.length; ++i) {
                        {
                            var e = $root.natsgh.v1.GeneratedFile.verify(m.files[i], q + 1);
                            if (e)
                                return "files." + e;
                        }
                    }
                }
                if (m.render_hash != null && $Object.hasOwnProperty.call(m, "render_hash")) {
                    if (!$util.isString(m.render_hash))
                        return "render_hash: string expected";
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    if (!$util.isString(m.target))
                        return "target: string expected";
                }
                if (m.changed != null && $Object.hasOwnProperty.call(m, "changed")) {
                    if (typeof m.changed !== "boolean")
                        return "changed: boolean expected";
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                return null;
            };

            /**
             * Creates a FilesGeneratedEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.FilesGeneratedEvent} FilesGeneratedEvent
             */
            FilesGeneratedEvent.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.FilesGeneratedEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.FilesGeneratedEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.FilesGeneratedEvent();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.repo != null) {
                    if (typeof d.repo !== "string" || d.repo.length) {
                        m.repo = $String(d.repo);
                    }
                }
                if (d.commit != null) {
                    if (typeof d.commit !== "string" || d.commit.length) {
                        m.commit = $String(d.commit);
                    }
                }
                if (d.files) {
                    if (!$Array.isArray(d.files))
                        throw $TypeError(".natsgh.v1.FilesGeneratedEvent.files: array expected");
                    m.files = $Array(d.files.length);
                    for (var i = 0; i < d.files.length; ++i) {
                        if (!$util.isObject(d.files[i]))
                            throw $TypeError(".natsgh.v1.FilesGeneratedEvent.files: object expected");
                        m.files[i] = $root.natsgh.v1.GeneratedFile.fromObject(d.files[i], q + 1);
                    }
                }
                if (d.render_hash != null) {
                    if (typeof d.render_hash !== "string" || d.render_hash.length) {
                        m.render_hash = $String(d.render_hash);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.changed != null) {
                    if (d.changed) {
                        m.changed = $Boolean(d.changed);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a FilesGeneratedEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {natsgh.v1.FilesGeneratedEvent} m FilesGeneratedEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FilesGeneratedEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.files = [];
                }
                if (o.defaults) {
                    d.deployment = "";
                    d.repo = "";
                    d.commit = "";
                    d.render_hash = "";
                    d.target = "";
                    d.changed = false;
                    d.run_id = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.repo != null && $Object.hasOwnProperty.call(m, "repo")) {
                    d.repo = m.repo;
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    d.commit = m.commit;
                }
                if (m.files && m.files.length) {
                    d.files = $Array(m.files.length);
                    for (var j = 0; j < m.files.length; ++j) {
                        d.files[j] = $root.natsgh.v1.GeneratedFile.toObject(m.files[j], o, q + 1);
                    }
                }
                if (m.render_hash != null && $Object.hasOwnProperty.call(m, "render_hash")) {
                    d.render_hash = m.render_hash;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.changed != null && $Object.hasOwnProperty.call(m, "changed")) {
                    d.changed = m.changed;
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                return d;
            };

            /**
             * Converts this FilesGeneratedEvent to JSON.
             * @function toJSON
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FilesGeneratedEvent.prototype.toJSON = function() {
                return FilesGeneratedEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FilesGeneratedEvent
             * @function getTypeUrl
             * @memberof natsgh.v1.FilesGeneratedEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FilesGeneratedEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.FilesGeneratedEvent";
            };

            return FilesGeneratedEvent;
        })();

        v1.ControllerHeartbeat = (function() {

            /**
             * Properties of a ControllerHeartbeat.
             * @typedef {Object} natsgh.v1.ControllerHeartbeat.$Properties
             * @property {string|null} [deployment] ControllerHeartbeat deployment
             * @property {string|null} [instance_id] ControllerHeartbeat instance_id
             * @property {string|null} [host] ControllerHeartbeat host
             * @property {number|null} [pid] ControllerHeartbeat pid
             * @property {string|null} [version] ControllerHeartbeat version
             * @property {number|null} [started_unix_ms] ControllerHeartbeat started_unix_ms
             * @property {number|null} [beat] ControllerHeartbeat beat
             * @property {number|null} [events_processed] ControllerHeartbeat events_processed
             * @property {number|null} [commits_made] ControllerHeartbeat commits_made
             * @property {number|null} [pending] ControllerHeartbeat pending
             * @property {string|null} [last_error] ControllerHeartbeat last_error
             * @property {number|null} [interval_ms] ControllerHeartbeat interval_ms
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ControllerHeartbeat.
             * @memberof natsgh.v1
             * @interface IControllerHeartbeat
             * @augments natsgh.v1.ControllerHeartbeat.$Properties
             * @deprecated Use natsgh.v1.ControllerHeartbeat.$Properties instead.
             */

            /**
             * Shape of a ControllerHeartbeat.
             * @typedef {natsgh.v1.ControllerHeartbeat.$Properties} natsgh.v1.ControllerHeartbeat.$Shape
             */

            /**
             * Constructs a new ControllerHeartbeat.
             * @memberof natsgh.v1
             * @classdesc Represents a ControllerHeartbeat.
             * @constructor
             * @param {natsgh.v1.ControllerHeartbeat.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ControllerHeartbeat = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ControllerHeartbeat deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.deployment = "";

            /**
             * ControllerHeartbeat instance_id.
             * @member {string} instance_id
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.instance_id = "";

            /**
             * ControllerHeartbeat host.
             * @member {string} host
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.host = "";

            /**
             * ControllerHeartbeat pid.
             * @member {number} pid
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.pid = 0;

            /**
             * ControllerHeartbeat version.
             * @member {string} version
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.version = "";

            /**
             * ControllerHeartbeat started_unix_ms.
             * @member {number} started_unix_ms
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.started_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ControllerHeartbeat beat.
             * @member {number} beat
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.beat = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControllerHeartbeat events_processed.
             * @member {number} events_processed
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.events_processed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControllerHeartbeat commits_made.
             * @member {number} commits_made
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.commits_made = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControllerHeartbeat pending.
             * @member {number} pending
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.pending = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControllerHeartbeat last_error.
             * @member {string} last_error
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.last_error = "";

            /**
             * ControllerHeartbeat interval_ms.
             * @member {number} interval_ms
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             */
            ControllerHeartbeat.prototype.interval_ms = 0;

            /**
             * Creates a new ControllerHeartbeat instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {natsgh.v1.ControllerHeartbeat.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.ControllerHeartbeat} ControllerHeartbeat instance
             * @type {{
             *   (properties: natsgh.v1.ControllerHeartbeat.$Shape): natsgh.v1.ControllerHeartbeat & natsgh.v1.ControllerHeartbeat.$Shape;
             *   (properties?: natsgh.v1.ControllerHeartbeat.$Properties): natsgh.v1.ControllerHeartbeat;
             * }}
             */
            ControllerHeartbeat.create = function(properties) {
                return new ControllerHeartbeat(properties);
            };

            /**
             * Encodes the specified ControllerHeartbeat message. Does not implicitly {@link natsgh.v1.ControllerHeartbeat.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {natsgh.v1.ControllerHeartbeat.$Properties} m ControllerHeartbeat message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControllerHeartbeat.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.instance_id != null && $Object.hasOwnProperty.call(m, "instance_id") && m.instance_id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.instance_id);
                if (m.host != null && $Object.hasOwnProperty.call(m, "host") && m.host !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.host);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.pid);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.version);
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms") && (typeof m.started_unix_ms === "object" ? m.started_unix_ms.low || m.started_unix_ms.high : m.started_unix_ms !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).int64(m.started_unix_ms);
                if (m.beat != null && $Object.hasOwnProperty.call(m, "beat") && (typeof m.beat === "object" ? m.beat.low || m.beat.high : m.beat !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).uint64(m.beat);
                if (m.events_processed != null && $Object.hasOwnProperty.call(m, "events_processed") && (typeof m.events_processed === "object" ? m.events_processed.low || m.events_processed.high : m.events_processed !== 0))
                    w.uint32(/* id 8, wireType 0 =*/64).uint64(m.events_processed);
                if (m.commits_made != null && $Object.hasOwnProperty.call(m, "commits_made") && (typeof m.commits_made === "object" ? m.commits_made.low || m.commits_made.high : m.commits_made !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.commits_made);
                if (m.pending != null && $Object.hasOwnProperty.call(m, "pending") && (typeof m.pending === "object" ? m.pending.low || m.pending.high : m.pending !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).uint64(m.pending);
                if (m.last_error != null && $Object.hasOwnProperty.call(m, "last_error") && m.last_error !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.last_error);
                if (m.interval_ms != null && $Object.hasOwnProperty.call(m, "interval_ms") && m.interval_ms !== 0)
                    w.uint32(/* id 12, wireType 0 =*/96).uint32(m.interval_ms);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ControllerHeartbeat message, length delimited. Does not implicitly {@link natsgh.v1.ControllerHeartbeat.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {natsgh.v1.ControllerHeartbeat.$Properties} message ControllerHeartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControllerHeartbeat.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ControllerHeartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.ControllerHeartbeat & natsgh.v1.ControllerHeartbeat.$Shape} ControllerHeartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControllerHeartbeat.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.ControllerHeartbeat();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.instance_id = v;
                            else
                                delete m.instance_id;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.host = v;
                            else
                                delete m.host;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.started_unix_ms = v;
                            else
                                delete m.started_unix_ms;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.beat = v;
                            else
                                delete m.beat;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.events_processed = v;
                            else
                                delete m.events_processed;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.commits_made = v;
                            else
                                delete m.commits_made;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.pending = v;
                            else
                                delete m.pending;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.last_error = v;
                            else
                                delete m.last_error;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.interval_ms = v;
                            else
                                delete m.interval_ms;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ControllerHeartbeat message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.ControllerHeartbeat & natsgh.v1.ControllerHeartbeat.$Shape} ControllerHeartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControllerHeartbeat.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ControllerHeartbeat message.
             * @function verify
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ControllerHeartbeat.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.instance_id != null && $Object.hasOwnProperty.call(m, "instance_id")) {
                    if (!$util.isString(m.instance_id))
                        return "instance_id: string expected";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (!$util.isString(m.host))
                        return "host: string expected";
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    if (!$util.isInteger(m.pid))
                        return "pid: integer expected";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isString(m.version))
                        return "version: string expected";
                }
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms")) {
                    if (!$util.isInteger(m.started_unix_ms) && !(m.started_unix_ms && $util.isInteger(m.started_unix_ms.low) && $util.isInteger(m.started_unix_ms.high)))
                        return "started_unix_ms: integer|Long expected";
                }
                if (m.beat != null && $Object.hasOwnProperty.call(m, "beat")) {
                    if (!$util.isInteger(m.beat) && !(m.beat && $util.isInteger(m.beat.low) && $util.isInteger(m.beat.high)))
                        return "beat: integer|Long expected";
                }
                if (m.events_processed != null && $Object.hasOwnProperty.call(m, "events_processed")) {
                    if (!$util.isInteger(m.events_processed) && !(m.events_processed && $util.isInteger(m.events_processed.low) && $util.isInteger(m.events_processed.high)))
                        return "events_processed: integer|Long expected";
                }
                if (m.commits_made != null && $Object.hasOwnProperty.call(m, "commits_made")) {
                    if (!$util.isInteger(m.commits_made) && !(m.commits_made && $util.isInteger(m.commits_made.low) && $util.isInteger(m.commits_made.high)))
                        return "commits_made: integer|Long expected";
                }
                if (m.pending != null && $Object.hasOwnProperty.call(m, "pending")) {
                    if (!$util.isInteger(m.pending) && !(m.pending && $util.isInteger(m.pending.low) && $util.isInteger(m.pending.high)))
                        return "pending: integer|Long expected";
                }
                if (m.last_error != null && $Object.hasOwnProperty.call(m, "last_error")) {
                    if (!$util.isString(m.last_error))
                        return "last_error: string expected";
                }
                if (m.interval_ms != null && $Object.hasOwnProperty.call(m, "interval_ms")) {
                    if (!$util.isInteger(m.interval_ms))
                        return "interval_ms: integer expected";
                }
                return null;
            };

            /**
             * Creates a ControllerHeartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.ControllerHeartbeat} ControllerHeartbeat
             */
            ControllerHeartbeat.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.ControllerHeartbeat)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.ControllerHeartbeat: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.ControllerHeartbeat();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.instance_id != null) {
                    if (typeof d.instance_id !== "string" || d.instance_id.length) {
                        m.instance_id = $String(d.instance_id);
                    }
                }
                if (d.host != null) {
                    if (typeof d.host !== "string" || d.host.length) {
                        m.host = $String(d.host);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.version != null) {
                    if (typeof d.version !== "string" || d.version.length) {
                        m.version = $String(d.version);
                    }
                }
                if (d.started_unix_ms != null) {
                    if (typeof d.started_unix_ms === "object" ? d.started_unix_ms.low || d.started_unix_ms.high : $Number(d.started_unix_ms) !== 0) {
                        if ($util.Long)
                            m.started_unix_ms = $util.Long.fromValue(d.started_unix_ms, false);
                        else if (typeof d.started_unix_ms === "string")
                            m.started_unix_ms = $parseInt(d.started_unix_ms, 10);
                        else if (typeof d.started_unix_ms === "number")
                            m.started_unix_ms = d.started_unix_ms;
                        else if (typeof d.started_unix_ms === "object")
                            m.started_unix_ms = new $util.LongBits(d.started_unix_ms.low >>> 0, d.started_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.beat != null) {
                    if (typeof d.beat === "object" ? d.beat.low || d.beat.high : $Number(d.beat) !== 0) {
                        if ($util.Long)
                            m.beat = $util.Long.fromValue(d.beat, true);
                        else if (typeof d.beat === "string")
                            m.beat = $parseInt(d.beat, 10);
                        else if (typeof d.beat === "number")
                            m.beat = d.beat;
                        else if (typeof d.beat === "object")
                            m.beat = new $util.LongBits(d.beat.low >>> 0, d.beat.high >>> 0).toNumber(true);
                    }
                }
                if (d.events_processed != null) {
                    if (typeof d.events_processed === "object" ? d.events_processed.low || d.events_processed.high : $Number(d.events_processed) !== 0) {
                        if ($util.Long)
                            m.events_processed = $util.Long.fromValue(d.events_processed, true);
                        else if (typeof d.events_processed === "string")
                            m.events_processed = $parseInt(d.events_processed, 10);
                        else if (typeof d.events_processed === "number")
                            m.events_processed = d.events_processed;
                        else if (typeof d.events_processed === "object")
                            m.events_processed = new $util.LongBits(d.events_processed.low >>> 0, d.events_processed.high >>> 0).toNumber(true);
                    }
                }
                if (d.commits_made != null) {
                    if (typeof d.commits_made === "object" ? d.commits_made.low || d.commits_made.high : $Number(d.commits_made) !== 0) {
                        if ($util.Long)
                            m.commits_made = $util.Long.fromValue(d.commits_made, true);
                        else if (typeof d.commits_made === "string")
                            m.commits_made = $parseInt(d.commits_made, 10);
                        else if (typeof d.commits_made === "number")
                            m.commits_made = d.commits_made;
                        else if (typeof d.commits_made === "object")
                            m.commits_made = new $util.LongBits(d.commits_made.low >>> 0, d.commits_made.high >>> 0).toNumber(true);
                    }
                }
                if (d.pending != null) {
                    if (typeof d.pending === "object" ? d.pending.low || d.pending.high : $Number(d.pending) !== 0) {
                        if ($util.Long)
                            m.pending = $util.Long.fromValue(d.pending, true);
                        else if (typeof d.pending === "string")
                            m.pending = $parseInt(d.pending, 10);
                        else if (typeof d.pending === "number")
                            m.pending = d.pending;
                        else if (typeof d.pending === "object")
                            m.pending = new $util.LongBits(d.pending.low >>> 0, d.pending.high >>> 0).toNumber(true);
                    }
                }
                if (d.last_error != null) {
                    if (typeof d.last_error !== "string" || d.last_error.length) {
                        m.last_error = $String(d.last_error);
                    }
                }
                if (d.interval_ms != null) {
                    if ($Number(d.interval_ms) !== 0) {
                        m.interval_ms = d.interval_ms >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ControllerHeartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {natsgh.v1.ControllerHeartbeat} m ControllerHeartbeat
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ControllerHeartbeat.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deployment = "";
                    d.instance_id = "";
                    d.host = "";
                    d.pid = 0;
                    d.version = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.started_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.started_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.beat = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.beat = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.events_processed = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.events_processed = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.commits_made = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.commits_made = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.pending = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.pending = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.last_error = "";
                    d.interval_ms = 0;
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.instance_id != null && $Object.hasOwnProperty.call(m, "instance_id")) {
                    d.instance_id = m.instance_id;
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = m.host;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.started_unix_ms = typeof m.started_unix_ms === "number" ? $BigInt(m.started_unix_ms) : $util.Long.fromBits(m.started_unix_ms.low >>> 0, m.started_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.started_unix_ms === "number")
                        d.started_unix_ms = o.longs === $String ? $String(m.started_unix_ms) : m.started_unix_ms;
                    else
                        d.started_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.started_unix_ms) : o.longs === $Number ? new $util.LongBits(m.started_unix_ms.low >>> 0, m.started_unix_ms.high >>> 0).toNumber() : m.started_unix_ms;
                }
                if (m.beat != null && $Object.hasOwnProperty.call(m, "beat")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.beat = typeof m.beat === "number" ? $BigInt(m.beat) : $util.Long.fromBits(m.beat.low >>> 0, m.beat.high >>> 0, true).toBigInt();
                    else if (typeof m.beat === "number")
                        d.beat = o.longs === $String ? $String(m.beat) : m.beat;
                    else
                        d.beat = o.longs === $String ? $util.Long.prototype.toString.call(m.beat) : o.longs === $Number ? new $util.LongBits(m.beat.low >>> 0, m.beat.high >>> 0).toNumber(true) : m.beat;
                }
                if (m.events_processed != null && $Object.hasOwnProperty.call(m, "events_processed")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.events_processed = typeof m.events_processed === "number" ? $BigInt(m.events_processed) : $util.Long.fromBits(m.events_processed.low >>> 0, m.events_processed.high >>> 0, true).toBigInt();
                    else if (typeof m.events_processed === "number")
                        d.events_processed = o.longs === $String ? $String(m.events_processed) : m.events_processed;
                    else
                        d.events_processed = o.longs === $String ? $util.Long.prototype.toString.call(m.events_processed) : o.longs === $Number ? new $util.LongBits(m.events_processed.low >>> 0, m.events_processed.high >>> 0).toNumber(true) : m.events_processed;
                }
                if (m.commits_made != null && $Object.hasOwnProperty.call(m, "commits_made")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.commits_made = typeof m.commits_made === "number" ? $BigInt(m.commits_made) : $util.Long.fromBits(m.commits_made.low >>> 0, m.commits_made.high >>> 0, true).toBigInt();
                    else if (typeof m.commits_made === "number")
                        d.commits_made = o.longs === $String ? $String(m.commits_made) : m.commits_made;
                    else
                        d.commits_made = o.longs === $String ? $util.Long.prototype.toString.call(m.commits_made) : o.longs === $Number ? new $util.LongBits(m.commits_made.low >>> 0, m.commits_made.high >>> 0).toNumber(true) : m.commits_made;
                }
                if (m.pending != null && $Object.hasOwnProperty.call(m, "pending")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.pending = typeof m.pending === "number" ? $BigInt(m.pending) : $util.Long.fromBits(m.pending.low >>> 0, m.pending.high >>> 0, true).toBigInt();
                    else if (typeof m.pending === "number")
                        d.pending = o.longs === $String ? $String(m.pending) : m.pending;
                    else
                        d.pending = o.longs === $String ? $util.Long.prototype.toString.call(m.pending) : o.longs === $Number ? new $util.LongBits(m.pending.low >>> 0, m.pending.high >>> 0).toNumber(true) : m.pending;
                }
                if (m.last_error != null && $Object.hasOwnProperty.call(m, "last_error")) {
                    d.last_error = m.last_error;
                }
                if (m.interval_ms != null && $Object.hasOwnProperty.call(m, "interval_ms")) {
                    d.interval_ms = m.interval_ms;
                }
                return d;
            };

            /**
             * Converts this ControllerHeartbeat to JSON.
             * @function toJSON
             * @memberof natsgh.v1.ControllerHeartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ControllerHeartbeat.prototype.toJSON = function() {
                return ControllerHeartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ControllerHeartbeat
             * @function getTypeUrl
             * @memberof natsgh.v1.ControllerHeartbeat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ControllerHeartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.ControllerHeartbeat";
            };

            return ControllerHeartbeat;
        })();

        return v1;
    })();

    return natsgh;
})();

export {
  $root as default
};
