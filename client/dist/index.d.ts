import { DEFAULT_BUSINESS_ID, type Announcement } from './schema.js';
export type { Announcement, DeployAnnouncement, ManualAnnouncement, ReleaseAnnouncement } from './schema.js';
export { DEFAULT_BUSINESS_ID };
/** Why a message is not an announcement this reader can show. */
export type Problem = 
/** Not a custom element (a text line, an image …), or nothing a message is made of. */
'not-custom'
/** A custom element whose Data is not JSON. */
 | 'not-json'
/** JSON, but another feature's custom message: another businessID, or not our shape. */
 | 'not-ours'
/** An announcement of a Data version this reader does not know: update the package. */
 | 'unknown-version'
/** An announcement of version 1 that breaks the schema: the field and what was expected. */
 | 'invalid';
export type ReadResult = {
    ok: true;
    announcement: Announcement;
    /** True when the SDK marks the message as a broadcast (send_broadcast_msg) to every room. */
    broadcast: boolean;
} | {
    ok: false;
    problem: Problem;
    reason: string;
};
export interface ReadOptions {
    /**
     * The `businessID` the workflow sends (its `business-id` input): Data with another one is
     * another feature's message. Default `github_announcement`.
     */
    businessID?: string;
}
/**
 * The announcement in a `@tencentcloud/chat` `Message`, in a bare `TIMCustomElem` as REST
 * callbacks and server code see it (`{ MsgType, MsgContent: { Data, Desc, Ext } }`), in a whole
 * `MsgBody`, or in the `Data` string itself. Optional fields it does not know are left out of the
 * announcement; whatever it is given, it answers and never throws.
 */
export declare function readAnnouncement(message: unknown, options?: ReadOptions): ReadResult;
