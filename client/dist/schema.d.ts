/** The `businessID` the action puts in `Data` unless its `business-id` input says otherwise. */
export declare const DEFAULT_BUSINESS_ID = "github_announcement";
/** What every kind of announcement carries. */
interface Common {
    /** Schema version. */
    v: 1;
    /**
     * The key a TUIKit app dispatches custom messages to its renderers by: github_announcement unless
     * the workflow's business-id input says otherwise. Optional, for announcements sent without it.
     */
    businessID?: string;
    /** The GitHub event that triggered the workflow, such as release or deployment_status. */
    event: string;
    /** A short headline. */
    title: string;
    /** Readable plain text: release notes without Markdown, a deploy description, or the message. */
    text: string;
    /** Where the full story is: the release page, the deployed environment, a log. An http(s) URL. */
    url?: string;
    /** true when text (or title) was cut to fit the message size; url then leads to the full text. */
    truncated: boolean;
    /** The webhook action, such as published, edited, created or completed. */
    action?: string;
    /** release: the release author; deploy: the creator of the deployment status. */
    author?: string;
    /**
     * The same string for every announcement about one thing, so an app can replace a card:
     * release/<release id>, tag/<tag>, deployment/<deployment id>, workflow_run/<run id>, or run/<run
     * id> for a manual announcement.
     */
    subject?: string;
    /** owner/repo. */
    repository: string;
    /**
     * The commit announced: the workflow's own commit, or for workflow_run the head commit of the run
     * announced.
     */
    sha: string;
    /**
     * The ref announced, such as refs/tags/v2.3.0; for workflow_run, the branch of the run announced.
     */
    ref: string;
    /** Who triggered the workflow. */
    actor: string;
    /** The workflow run. An http(s) URL. */
    run_url?: string;
    /**
     * When the event happened (ISO 8601), from the event itself: published_at, the deployment status
     * time or the head commit. Absent when the event carries no time.
     */
    timestamp?: string;
}
/** A release: version is the tag, prerelease is always present. */
export interface ReleaseAnnouncement extends Common {
    kind: 'release';
    /** release only: the tag. */
    version?: string;
    /** release only, always: whether it is a pre-release. */
    prerelease: boolean;
}
/** A deployment, a deployment status or a completed workflow run. */
export interface DeployAnnouncement extends Common {
    kind: 'deploy';
    /** deploy only: the environment, such as production. */
    environment?: string;
    /**
     * deploy only: created, queued, pending, in_progress, success, failure, error or inactive;
     * workflow_run: the run's conclusion (success, failure, cancelled …).
     */
    state?: string;
    /**
     * deploy only, for workflow_run: the name of the workflow whose run is announced, such as Deploy.
     */
    workflow?: string;
}
/** Anything else: a push, Run workflow, a dispatch, a schedule. */
export interface ManualAnnouncement extends Common {
    kind: 'manual';
}
/** Data, version 1: one announcement, told apart by `kind`. */
export type Announcement = ReleaseAnnouncement | DeployAnnouncement | ManualAnnouncement;
/** How one field is checked. */
export type Check = {
    is: 'const';
    value: unknown;
} | {
    is: 'enum';
    values: readonly unknown[];
} | {
    is: 'string';
    pattern?: string;
} | {
    is: 'boolean';
};
/** Every field of version 1, in the schema's order, with its check. */
export declare const FIELDS: readonly {
    name: string;
    required: boolean;
    check: Check;
}[];
/** What each kind requires beyond the common fields, and the fields it never has. */
export declare const KINDS: Record<Announcement['kind'], {
    required: readonly string[];
    forbidden: readonly string[];
}>;
export {};
