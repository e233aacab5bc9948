// Generated from openapi.json by scripts/generate.mjs (pnpm --filter @hhs-mentoring/api-client generate). Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and the migrations are applied */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a work email and password; sets the session cookie and returns the token */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends this session (its token stops working) and clears the cookie */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: ends every session of mine (cookies and bearer tokens), then clears the cookie */
        post: operations["postAuthLogoutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I: my directory entry and roles */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sign-in methods this site offers */
        get: operations["getAuthProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register with a work email found in the directory; a one-time confirmation link is emailed (R-ACC-1)
         * @description Answers 202 with the same message whether or not the email is in the directory or already has an account.
         */
        post: operations["postAuthRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a work email with the emailed link; creates the account and signs in (R-ACC-1) */
        post: operations["postAuthVerifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link by email
         * @description Answers 202 with the same message whether or not an account exists.
         */
        post: operations["postAuthPasswordResetRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with the emailed link */
        post: operations["postAuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on: redirects to the HHS identity provider */
        get: operations["getAuthOidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Single sign-on callback: links the directory entry by work email on first sign-in, then signs in */
        get: operations["getAuthOidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign out: ends the local session, then the provider's session when it offers end_session */
        get: operations["getAuthOidcLogout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The program's pages (public) */
        get: operations["getContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page as published now (public) */
        get: operations["getContentBySlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{slug}/sections/{sectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One section of a published page, found by its heading anchor (public, R-CONTENT-3) */
        get: operations["getContentBySlugSectionsBySectionId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guidance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guidance other screens show: reflection prompts, questions for a prospective mentor, agreement topics (R-CONTENT-3) */
        get: operations["getGuidance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{slug}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page's history, drafts included (program manager) */
        get: operations["getContentBySlugVersions"];
        put?: never;
        /** Save a new version of a page, as a draft or published at once (program manager) */
        post: operations["postContentBySlugVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{slug}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a page (program manager) */
        get: operations["getContentBySlugVersionsByVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{slug}/versions/{version}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft (program manager) */
        post: operations["postContentBySlugVersionsByVersionPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the employee directory by name prefix, OPDIV and location */
        get: operations["getDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One employee's directory entry (contact details per R-SEC-2 / R-MATCH-5) */
        get: operations["getDirectoryById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My mentor and mentee applications */
        get: operations["getMeApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications/mentor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Apply as a mentor, or update my mentor application (R-APP-1) */
        put: operations["putMeApplicationsMentor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications/mentee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Apply as a mentee, or update my mentee application (R-APP-1) */
        put: operations["putMeApplicationsMentee"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications/mentor/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause my availability as a mentor; current mentees stay (R-APP-2) */
        post: operations["postMeApplicationsMentorPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications/mentor/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume my availability as a mentor */
        post: operations["postMeApplicationsMentorResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/applications/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw my mentor or mentee application */
        delete: operations["deleteMeApplicationsByRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/competencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OPM leadership and HHS core competencies with definitions (R-COMP-1) */
        get: operations["getCompetencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/opdivs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** HHS operating and staff divisions */
        get: operations["getOpdivs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Program settings */
        get: operations["getSettings"];
        /** Change program settings (program manager) */
        put: operations["putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranked eligible mentors for me, with score, breakdown and reasons (R-MATCH-1) */
        get: operations["getMeSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mentees/{employeeId}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranked eligible mentors for a mentee in my scope (coordinator, program manager) */
        get: operations["getMenteesByEmployeeIdSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mentors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search active mentors by name, OPDIV, location and expertise (R-MATCH-2) */
        get: operations["getMentors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mentors/{employeeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mentor's profile: application, directory facts, contact details per R-MATCH-5 */
        get: operations["getMentorsByEmployeeId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My invitations, as mentee and as mentor */
        get: operations["getInvitations"];
        put?: never;
        /** Invite a mentor (R-CAP-3, R-PLAT-1, R-APP-2, R-INV-1) */
        post: operations["postInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invitation (its mentee, its mentor, staff in scope) */
        get: operations["getInvitationsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mentee's application behind an invitation, and whether a cohort proposed it (same readers as the invitation) */
        get: operations["getInvitationsByIdContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw my invitation (mentee) */
        post: operations["postInvitationsByIdWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation (mentor); confirms at once when already agreed (R-INVT-2) */
        post: operations["postInvitationsByIdAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation with a reason (mentor) */
        post: operations["postInvitationsByIdDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an accepted invitation: creates the relationship (R-CAP-1/2, R-PLAT-1) */
        post: operations["postInvitationsByIdConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My mentoring relationships, newest first */
        get: operations["getRelationships"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/shared-idps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IDPs my direct reports shared with me, and whether I gave input (supervisor, R-SEC-1) */
        get: operations["getMeSharedIdps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A relationship with its milestone timeline (the pair, staff in scope) */
        get: operations["getRelationshipsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/orientation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the orientation, or its waiver (R-LIFE-1; mentee) */
        post: operations["postRelationshipsByIdOrientation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/termination-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to end the relationship (R-LIFE-7; a partner, after 3 months) */
        post: operations["postRelationshipsByIdTerminationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/termination-request/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw my request to end the relationship */
        post: operations["postRelationshipsByIdTerminationRequestWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/termination-guidance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record guidance on a termination request (R-LIFE-7; coordinator) */
        post: operations["postRelationshipsByIdTerminationGuidance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the relationship: after guidance, or early with a reason (R-LIFE-7; coordinator) */
        post: operations["postRelationshipsByIdTerminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mentoring agreement (the pair, coordinators) */
        get: operations["getRelationshipsByIdAgreement"];
        /** Write the agreement (If-Match or version; a change clears signatures) */
        put: operations["putRelationshipsByIdAgreement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/agreement/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the agreement version I read */
        post: operations["postRelationshipsByIdAgreementSign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/agreement/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the signed agreement complete (mentee; alerts coordinators, R-LIFE-2) */
        post: operations["postRelationshipsByIdAgreementComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/idp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The IDP (the pair, coordinators, the mentee's supervisor once shared) */
        get: operations["getRelationshipsByIdIdp"];
        /** Write the IDP (If-Match or version) */
        put: operations["putRelationshipsByIdIdp"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/idp/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share the IDP with my supervisor (mentee) */
        post: operations["postRelationshipsByIdIdpShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/idp/supervisor-input": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add input to a shared IDP (the mentee's supervisor) */
        put: operations["putRelationshipsByIdIdpSupervisorInput"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/idp/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the IDP complete (mentee; alerts coordinators, R-LIFE-3) */
        post: operations["postRelationshipsByIdIdpComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/progress-reports/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner's 6-month progress report (its author, coordinators) */
        get: operations["getRelationshipsByIdProgressReportsByRole"];
        /** Save or submit my progress report (R-LIFE-4: can ask for the coordinator) */
        put: operations["putRelationshipsByIdProgressReportsByRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/completion-surveys/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner's completion survey (its author, coordinators) */
        get: operations["getRelationshipsByIdCompletionSurveysByRole"];
        /** Save or submit my completion survey (R-LIFE-5) */
        put: operations["putRelationshipsByIdCompletionSurveysByRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first (R-NOTE-1) */
        get: operations["getMeNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread */
        get: operations["getMeNotificationsUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: operations["postMeNotificationsByIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["postMeNotificationsReadAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OAuth 2.0 client-credentials grant for system clients (R-API-2)
         * @description RFC 6749 §4.4. Authenticate with HTTP Basic (client_id:client_secret) or client_id and client_secret in the form body. `scope` (space-separated) must be a subset of the scopes granted; omitted = all granted scopes.
         */
        post: operations["postOauthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** System clients (never their secrets) */
        get: operations["getSystemClients"];
        put?: never;
        /** Register a system client; the response holds its secret, shown this once */
        post: operations["postSystemClients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system-clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a system client: no new tokens, and its current tokens stop working */
        post: operations["postSystemClientsByIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/hr/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** HR reconciliation: the directory as HR fed it, by employee id; follow /changes/employees for what changed (R-DIR-4; scope directory:read) */
        get: operations["getIntegrationsHrEmployees"];
        put?: never;
        /** HR feed: upsert up to 10,000 employees; any invalid row rejects the whole batch (scope directory:write) */
        post: operations["postIntegrationsHrEmployees"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/lms/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** LMS: training completions become attendance; unknown people or courses are reported per row (scope training:write) */
        post: operations["postIntegrationsLmsCompletions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coordinator dashboard (R-ADMIN-1), computed in the database */
        get: operations["getCoordinationDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/unmatched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mentees in scope with an active application and no live relationship, longest waiting first */
        get: operations["getCoordinationUnmatched"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/termination-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Termination requests in scope awaiting guidance, oldest first (R-LIFE-7) */
        get: operations["getCoordinationTerminationRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/third-party-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Third-party matching cases in scope (open and shortlisted unless a status is given) */
        get: operations["getCoordinationThirdPartyCases"];
        put?: never;
        /** Open a third-party matching case for a mentee in scope */
        post: operations["postCoordinationThirdPartyCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/third-party-cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its contact log and shortlists */
        get: operations["getCoordinationThirdPartyCasesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/third-party-cases/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Eligible mentors for the case's mentee, ranked by the auto-matching scorer (R-MATCH-1) */
        get: operations["getCoordinationThirdPartyCasesByIdCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/third-party-cases/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a contact with a prospective mentor and their answer */
        post: operations["postCoordinationThirdPartyCasesByIdContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/third-party-cases/{id}/shortlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the mentee a shortlist with a note; the mentee is notified */
        post: operations["postCoordinationThirdPartyCasesByIdShortlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/third-party-cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a case */
        post: operations["postCoordinationThirdPartyCasesByIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/shortlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mentors a coordinator suggested to me, with their note (R-MATCH-3) */
        get: operations["getMeShortlists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/cohort-proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose a cohort assignment (maximum total score; greedy total beside it) */
        post: operations["postCoordinationCohortProposals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/cohort-proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored cohort proposal and what became of each pair */
        get: operations["getCoordinationCohortProposalsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/cohort-proposals/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve all or some pairs: invitations (rules re-checked now) or suggestions */
        post: operations["postCoordinationCohortProposalsByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/cohort-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cohort-matching runs in my scope, newest first, and what was approved from each */
        get: operations["getCoordinationCohortRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{report}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Participation, matching, outcomes or evaluation report (R-ADMIN-2) */
        get: operations["getReportsByReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coordinators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coordinator grants, by OPDIV */
        get: operations["getAdminCoordinators"];
        put?: never;
        /** Make a person a coordinator of an OPDIV, named by user id, employee id or work email (they need an account, R-ACC-1) */
        post: operations["postAdminCoordinators"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coordinators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a coordinator grant */
        delete: operations["deleteAdminCoordinatorsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/contact-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Help requests of pairs in scope (R-LIFE-4), open first, oldest first */
        get: operations["getCoordinationContactRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/contact-requests/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a help request handled (R-LIFE-4) */
        post: operations["postCoordinationContactRequestsByIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The training catalogue: orientations, Lunch and Learn, online courses */
        get: operations["getTrainingEvents"];
        put?: never;
        /** Add an event (program manager; a coordinator for their own OPDIV) */
        post: operations["postTrainingEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One training event, with places taken and my registration */
        get: operations["getTrainingEventsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an event; more places are filled from the waitlist in order */
        patch: operations["patchTrainingEventsById"];
        trace?: never;
    };
    "/api/v1/training/events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an event; everyone registered or waitlisted is notified */
        post: operations["postTrainingEventsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events/{id}/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register for an event (waitlisted when it is full) */
        post: operations["postTrainingEventsByIdRegistration"];
        /** Cancel my registration; the first on the waitlist gets the place */
        delete: operations["deleteTrainingEventsByIdRegistration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registrations and attendance (a coordinator sees their OPDIVs’ people) */
        get: operations["getTrainingEventsByIdRoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record attendance (R-TRAIN-2); recording it twice changes nothing */
        post: operations["postTrainingEventsByIdAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events/{id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate an event I attended (once) */
        post: operations["postTrainingEventsByIdEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/events/{id}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluation results for an event (comments without names) */
        get: operations["getTrainingEventsByIdEvaluations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My training history and whether my orientation is current (R-LIFE-1) */
        get: operations["getTrainingMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit log (a coordinator sees rows concerning their OPDIVs; the program manager and a system client with audit:read all) */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My meetings and training as an iCalendar feed (token from /me/calendar-feed) */
        get: operations["getCalendarByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pair's cadence and its meetings, latest first and paged (R-MEET-1/6); staff see dates and counts, never notes */
        get: operations["getRelationshipsByIdMeetings"];
        put?: never;
        /** Propose a meeting; the partner gets it by email with an .ics (R-MEET-2/3) */
        post: operations["postRelationshipsByIdMeetings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/meetings/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a meeting held without scheduling it here (R-MEET-5) */
        post: operations["postRelationshipsByIdMeetingsHeld"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept, decline, propose another time or cancel (R-MEET-2); emailed with the .ics, SEQUENCE bumped (R-MEET-3) */
        post: operations["postMeetingsByIdAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record that the meeting was held, with a private and a shared note (R-MEET-5) */
        put: operations["putMeetingsByIdRecord"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The meeting as an iCalendar file (R-MEET-3) */
        get: operations["getMeetingsByIdIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether I have a calendar feed (R-MEET-4) */
        get: operations["getMeCalendarFeed"];
        put?: never;
        /** Make a new secret feed URL; the old one stops working (R-MEET-4) */
        post: operations["postMeCalendarFeed"];
        /** Turn my calendar feed off (R-MEET-4) */
        delete: operations["deleteMeCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My reminder choices (R-NUDGE-4) */
        get: operations["getMeNotificationPreferences"];
        /** Turn reminders off or on (R-NUDGE-4) */
        put: operations["putMeNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The relationship's message thread, newest first and paged, marked read for me (R-MSG-1; the two partners only) */
        get: operations["getRelationshipsByIdMessages"];
        put?: never;
        /** Send a message; the partner is told by email without the text (R-MSG-1/2) */
        post: operations["postRelationshipsByIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invitation's message thread, newest first and paged, marked read for me (R-MSG-1; the two partners only) */
        get: operations["getInvitationsByIdMessages"];
        put?: never;
        /** Send a message; the partner is told by email without the text (R-MSG-1/2) */
        post: operations["postInvitationsByIdMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/messages/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My unread messages per thread, paged; total counts them all (R-MSG-3) */
        get: operations["getMeMessagesUnread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/waitlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mentors I wait for, with my place in line (R-WAIT-1) */
        get: operations["getMeWaitlists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/waitlists/{mentorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Ask to be told when a full or paused mentor has a free place (R-WAIT-1) */
        put: operations["putMeWaitlistsByMentorId"];
        post?: never;
        /** Stop waiting for this mentor */
        delete: operations["deleteMeWaitlistsByMentorId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relationships/{id}/early-completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who agreed to complete early, and from when it is allowed (R-END-1) */
        get: operations["getRelationshipsByIdEarlyCompletion"];
        put?: never;
        /** Agree the goals are met; completed early once both partners and a coordinator agree (R-END-1) */
        post: operations["postRelationshipsByIdEarlyCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/quiet-pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pairs with no meeting held for twice their agreed interval, quietest first (R-MEET-6) */
        get: operations["getCoordinationQuietPairs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coordination/pair-year": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quiet pairs, reminders sent, waiting mentees and early completions in scope (dashboard counts) */
        get: operations["getCoordinationPairYear"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{feed}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed since a cursor, oldest first; never skips a change that committed late (R-API-5; scope reports:read, or directory:read for employees) */
        get: operations["getChangesByFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your webhook endpoints, newest first (scope webhooks:manage) */
        get: operations["getWebhooks"];
        put?: never;
        /** Subscribe an endpoint to event types; the answer holds its signing secret, shown this once (scope webhooks:manage) */
        post: operations["postWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your webhook endpoints (scope webhooks:manage) */
        get: operations["getWebhooksById"];
        put?: never;
        post?: never;
        /** Delete an endpoint and its delivery log (scope webhooks:manage) */
        delete: operations["deleteWebhooksById"];
        options?: never;
        head?: never;
        /** Change an endpoint: address, event types, or switch it off and on (on again sends what it held; scope webhooks:manage) */
        patch: operations["patchWebhooksById"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries to one of your endpoints, newest first, optionally of one status (scope webhooks:manage) */
        get: operations["getWebhooksByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempts: when, how long, the status code (scope webhooks:manage) */
        get: operations["getWebhooksByIdDeliveriesByDeliveryId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, with the same event id (scope webhooks:manage); it is retried like a new one */
        post: operations["postWebhooksByIdDeliveriesByDeliveryIdReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every system client’s webhook endpoints, newest first (never their secrets) */
        get: operations["getWebhookEndpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Switch a webhook endpoint off (its deliveries wait) or back on */
        patch: operations["patchWebhookEndpointsById"];
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries to a webhook endpoint, newest first, optionally of one status */
        get: operations["getWebhookEndpointsByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Record export: participants, relationships with milestones and outcomes, training attendance, or survey answers with small groups suppressed (R-EXP-1; scope reports:read) */
        get: operations["getExportsByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Employee: {
            /** @description Stable employee id */
            id: string;
            firstName: string;
            lastName: string;
            opdiv: string;
            payPlan: string;
            grade: string;
            occupationSeries: string;
            occupationTitle: string;
            city: string;
            state: string;
            timeZone: string;
            supervisorId: string | null;
            commissionedCorps: boolean;
            /** @description Has an active mentor application */
            isMentor: boolean;
            /** @description Shown only to those allowed to contact this person (R-SEC-2, R-MATCH-5) */
            contact: {
                email: string;
                phone: string | null;
            } | null;
        };
        Competency: {
            code: string;
            name: string;
            group: string;
            definition: string;
            focus: boolean;
        };
        Opdiv: {
            code: string;
            name: string;
            kind: "OPDIV" | "STAFFDIV";
        };
        ProgramSettings: {
            value: {
                /** @description Scorer weights (R-MATCH-1) */
                weights: {
                    needs: number;
                    goals: number;
                    platform: number;
                    geography: number;
                    communication: number;
                    capacity: number;
                };
                /** @description Program maximum mentees per mentor (R-CAP-1) */
                maxCapacity: number;
                /** @description R-CAP-3 */
                maxOpenInvitations: number;
                invitationExpiryDays: number;
                /** @description R-ADMIN-2 small-group suppression */
                reportMinGroupSize: number;
                /** @description R-LIFE-7 */
                terminationMinMonths: number;
                /** @description R-NUDGE-1: days after applying when an unmatched mentee is reminded, first then second */
                nudgeUnmatchedDays: number[];
                /** @description R-NUDGE-2: days a pending invitation waits before its mentor is reminded (before it expires) */
                nudgeInvitationDays: number;
                /** @description R-NUDGE-3: days an accepted invitation waits before its mentee is reminded to confirm */
                nudgeUnconfirmedDays: number;
            };
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        MentorApplication: {
            bio: string;
            education: string;
            positions: {
                title: string;
                organization: string;
                years: number;
            }[];
            communicationMethods: ("in_person" | "phone" | "video" | "email")[];
            competencies: string[];
            technicalAreas: string;
            platforms: ("s2j" | "p2p")[];
            /** @description R-CAP-1: 1 to the program maximum */
            capacity: number;
            acceptsOtherOpdivs: boolean;
            employeeId: string;
            /** Format: date-time */
            acknowledgedAt: string;
            acknowledgementVersion: string;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            paused: boolean;
            liveMentees: number;
        };
        MenteeApplication: {
            bio: string;
            education: string;
            positions: {
                title: string;
                organization: string;
                years: number;
            }[];
            communicationMethods: ("in_person" | "phone" | "video" | "email")[];
            /** @description Competency codes, most important first */
            developmentalNeeds: string[];
            shortTermGoals: string;
            longTermGoals: string;
            /** @description s2j = Senior-to-Junior, p2p = Peer-to-Peer */
            platform: "s2j" | "p2p";
            locationPreference: "same_location" | "same_opdiv" | "cross_opdiv" | "no_preference";
            employeeId: string;
            /** Format: date-time */
            acknowledgedAt: string;
            acknowledgementVersion: string;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Me: {
            userId: string;
            employee: components["schemas"]["Employee"];
            roles: ("participant" | "supervisor" | "coordinator" | "program_manager")[];
            coordinatorOpdivs: string[];
            directReports: number;
        };
        MentorCard: {
            id: string;
            name: string;
            opdiv: string;
            grade: string;
            occupationTitle: string;
            city: string;
            state: string;
            bio: string;
            competencies: string[];
            technicalAreas: string;
            platforms: ("s2j" | "p2p")[];
            communicationMethods: ("in_person" | "phone" | "video" | "email")[];
            remainingCapacity: number;
            /** @description Not taking mentees for now (R-APP-2) */
            paused: boolean;
            /** @description Mentees waiting to be told of a free place (R-WAIT-2) */
            menteesWaiting: number;
        };
        MentorProfile: components["schemas"]["MentorCard"] & {
            /** @description The competencies with their names, in the order the mentor gave them (R-COMP-1) */
            competencyDetails: {
                code: string;
                name: string;
                focus: boolean;
            }[];
            /** @description Mentees the mentor offers to take, capped by the program maximum (R-CAP-1) */
            capacity: number;
            /** @description R-APP-2: a paused mentor cannot be invited */
            paused: boolean;
            acceptsOtherOpdivs: boolean;
            education: string;
            positions: {
                title: string;
                organization: string;
                years: number;
            }[];
            occupationSeries: string;
            timeZone: string;
            commissionedCorps: boolean;
            /** @description Shown only to those allowed to contact this mentor (R-MATCH-5, R-SEC-2) */
            contact: {
                email: string;
                phone: string | null;
            } | null;
        };
        Invitation: {
            /** Format: uuid */
            id: string;
            mentee: {
                id: string;
                name: string;
                opdiv: string;
            };
            mentor: {
                id: string;
                name: string;
                opdiv: string;
            };
            /** @description s2j = Senior-to-Junior, p2p = Peer-to-Peer */
            platform: "s2j" | "p2p";
            message: string;
            state: "pending" | "accepted" | "declined" | "withdrawn" | "expired" | "confirmed" | "closed";
            declineReason: string | null;
            declineNote: string | null;
            alreadyAgreed: boolean;
            relationshipId: string | null;
            /** Format: date-time */
            sentAt: string;
            answeredAt: string | null;
            /** Format: date-time */
            expiresAt: string;
            closedAt: string | null;
            version: number;
        };
        InvitationContext: {
            mentee: {
                name: string;
                opdiv: string;
                /** @description Grade label, e.g. GS-12 */
                grade: string;
                occupationTitle: string;
                city: string;
                state: string;
                timeZone: string;
                bio: string;
                developmentalNeeds: {
                    code: string;
                    name: string;
                }[];
                shortTermGoals: string;
                longTermGoals: string;
                /** @description s2j = Senior-to-Junior, p2p = Peer-to-Peer */
                platform: "s2j" | "p2p";
                locationPreference: "same_location" | "same_opdiv" | "cross_opdiv" | "no_preference";
                communicationMethods: ("in_person" | "phone" | "video" | "email")[];
            };
            cohort: {
                /** Format: date-time */
                proposedAt: string;
                /** @description Name of the person who approved */
                approvedBy: string | null;
                score: number;
                reasons: string[];
            } | null;
        };
        CohortRun: {
            /** Format: uuid */
            id: string;
            /** @description null: the whole department */
            opdivs: string[] | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Name of the person who ran the proposal */
            createdBy: string;
            menteeCount: number;
            pairs: number;
            /** @description Pairs approved as invitations */
            invited: number;
            /** @description Pairs approved as suggestions (shortlists) */
            suggested: number;
            /** @description Pairs a program rule refused at approval */
            refused: number;
            /** @description Pairs not decided yet */
            open: number;
            /** @description Names of the people who approved pairs */
            approvedBy: string[];
            lastApprovedAt: string | null;
        };
        Relationship: {
            id: string;
            state: string;
            /** @description s2j = Senior-to-Junior, p2p = Peer-to-Peer */
            platform: "s2j" | "p2p";
            myRole: string;
            mentee: {
                id: string;
                name: string;
                opdiv: string;
                email: string;
            };
            mentor: {
                id: string;
                name: string;
                opdiv: string;
                email: string;
            };
            /** Format: date-time */
            confirmedAt: string;
            orientationWaived: boolean;
            milestones: {
                key: string;
                /** Format: date-time */
                dueAt: string;
                doneAt: string | null;
                status: string;
            }[];
            termination: {
                requestedBy: string;
                reason: string;
                /** Format: date-time */
                requestedAt: string;
                guidance: string | null;
                guidanceAt: string | null;
            } | null;
            ended: {
                /** Format: date-time */
                at: string;
                reason: string;
            } | null;
            /**
             * Format: date-time
             * @description R-LIFE-7: from when a partner may ask to end the relationship
             */
            endingAllowedFrom: string;
            version: number;
        };
        SharedIdp: {
            /** Format: uuid */
            relationshipId: string;
            relationshipState: string;
            mentee: {
                id: string;
                name: string;
                opdiv: string;
            };
            mentor: {
                id: string;
                name: string;
                opdiv: string;
            };
            /** Format: date-time */
            sharedAt: string;
            /** Format: date-time */
            updatedAt: string;
            myInputAt: string | null;
            /** @description I already added my input to this IDP */
            inputGiven: boolean;
        };
        AuthProviders: {
            password: {
                register: string;
                signIn: string;
                passwordReset: string;
            };
            oidc: null | {
                loginUrl: string;
                logoutUrl: string;
                label: string;
            };
        };
        ContentPageSummary: {
            slug: string;
            title: string;
            version: number;
            /** Format: date-time */
            publishedAt: string;
        };
        ContentPage: {
            slug: string;
            title: string;
            version: number;
            /** Format: date-time */
            publishedAt: string;
            /** @description Markdown; render it without raw HTML */
            markdown: string;
        };
        ContentVersionSummary: {
            version: number;
            title: string;
            note: string | null;
            /** @description Null for the seeded first version */
            authorName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Null while a draft */
            publishedAt: string | null;
        };
        ContentVersion: {
            version: number;
            title: string;
            note: string | null;
            /** @description Null for the seeded first version */
            authorName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Null while a draft */
            publishedAt: string | null;
            slug: string;
            markdown: string;
        };
        ContentSection: {
            slug: string;
            version: number;
            id: string;
            heading: string;
            markdown: string;
            /** @description The list items directly in the section, as Markdown */
            items: string[];
        };
        Guidance: {
            reflectionPrompts: components["schemas"]["ContentSection"];
            questionsForProspectiveMentor: components["schemas"]["ContentSection"];
            agreementTopics: components["schemas"]["ContentSection"];
        };
        SystemClient: {
            /**
             * Format: uuid
             * @description The client_id
             */
            id: string;
            name: string;
            scopes: string[];
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            lastTokenAt: string | null;
            revokedAt: string | null;
        };
        TrainingEvent: {
            /** Format: uuid */
            id: string;
            kind: "orientation_online" | "orientation_instructor" | "lunch_and_learn" | "online_course";
            title: string;
            description: string;
            competencyCode: string | null;
            opdiv: string | null;
            startsAt: string | null;
            endsAt: string | null;
            location: string | null;
            lmsUrl: string | null;
            lmsCourseId: string | null;
            /** @description null = no limit */
            capacity: number | null;
            registered: number;
            waitlisted: number;
            cancelledAt: string | null;
            myStatus: ("registered" | "waitlisted" | "cancelled") | null;
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @description Stable event name, e.g. "invitation.received" */
            kind: string;
            title: string;
            body: string;
            /** @description Path inside the web app */
            link: string | null;
            readAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CoordinatorDashboard: {
            scope: string[] | null;
            /** Format: date-time */
            generatedAt: string;
            participants: {
                role: string;
                platform: string;
                count: number;
            }[];
            unmatched: {
                count: number;
                /** @description Top 20, longest waiting first */
                longestWaiting: {
                    menteeId: string;
                    name: string;
                    opdiv: string;
                    platform: "s2j" | "p2p";
                    daysWaiting: number;
                    openInvitations: number;
                }[];
            };
            openInvitations: {
                pending: number;
                accepted: number;
            };
            livePairs: {
                onboarding: number;
                active: number;
                termination_requested: number;
            };
            milestones: {
                dueNext14Days: number;
                overdue: number;
            };
            terminationRequestsAwaitingGuidance: number;
            /** @description Progress reports asking for the coordinator to make contact, not yet resolved (R-LIFE-4) */
            helpRequests: number;
        };
        ThirdPartyCase: {
            /** Format: uuid */
            id: string;
            status: "open" | "shortlisted" | "closed";
            note: string;
            mentee: {
                id: string;
                name: string;
                opdiv: string;
            };
            coordinator: {
                id: string;
                name: string;
                opdiv: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            contacts: {
                /** Format: uuid */
                id: string;
                mentor: {
                    id: string;
                    name: string;
                    opdiv: string;
                };
                /** Format: date-time */
                contactedAt: string;
                outcome: string;
                note: string;
            }[];
            shortlists: {
                /** Format: uuid */
                id: string;
                mentors: {
                    id: string;
                    name: string;
                    opdiv: string;
                }[];
                note: string;
                /** Format: date-time */
                handedAt: string;
            }[];
        };
        CohortProposal: {
            /** Format: uuid */
            id: string;
            opdivs: string[] | null;
            /** Format: date-time */
            createdAt: string;
            topK: number;
            menteeCount: number;
            /** @description Mentors with free capacity */
            mentorCount: number;
            /** @description Sum of the proposed pairs' scores (maximised) */
            total: number;
            /** @description The greedy assignment's total, for comparison */
            greedyTotal: number;
            proof: {
                /** @description optimal: no assignment over all eligible pairs totals more; within-gap: the time budget stopped the repair (R-MATCH-4-OPT) */
                status: "optimal" | "within-gap";
                /** @description The dual bound: no assignment of these mentees can total more */
                bound: number;
                /** @description bound − total (0 when optimal) */
                gap: number;
                /** @description Prove-or-repair rounds after the first solve */
                rounds: number;
                /** @description Mentees whose candidate mentors were widened beyond the first K */
                widenedMentees: number;
                /** @description Mentee–mentor pairs in the final solve */
                edges: number;
            } | null;
            pairs: {
                /** Format: uuid */
                id: string;
                mentee: {
                    id: string;
                    name: string;
                    opdiv: string;
                };
                mentor: {
                    id: string;
                    name: string;
                    opdiv: string;
                };
                score: number;
                reasons: string[];
                status: string;
                refusal: {
                    rule: string;
                    detail: string;
                } | null;
                invitationId: string | null;
                shortlistId: string | null;
            }[];
            unmatched: {
                mentee: {
                    id: string;
                    name: string;
                    opdiv: string;
                };
                reason: string;
            }[];
        };
        Report: {
            report: string;
            scope: string[] | null;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** Format: date-time */
            generatedAt: string;
            columns: string[];
            rows: {
                [key: string]: string | number | boolean | null;
            }[];
        };
        /** Meeting */
        Meeting: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            relationshipId: string;
            state: "proposed" | "accepted" | "declined" | "cancelled";
            proposedBy: "mentor" | "mentee";
            /** Format: date-time */
            startsAt: string;
            timeZone: string;
            durationMinutes: number;
            mode: "in_person" | "phone" | "video";
            location: string;
            agenda: string;
            /** @description iCalendar SEQUENCE (R-MEET-3) */
            sequence: number;
            held: boolean;
            recordedBy: ("mentor" | "mentee")[];
            myPrivateNote: string | null;
            sharedNotes: {
                role: "mentor" | "mentee";
                note: string;
            }[];
        };
        WebhookSubscription: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** @description In the program manager’s list */
            clientName?: string;
            url: string;
            description: string;
            eventTypes: string[];
            enabled: boolean;
            disabledReason: "failing" | "client" | "program_manager" | null;
            disabledAt: string | null;
            /** @description Failed attempts in a row (R-HOOK-6) */
            consecutiveFailures: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subscriptionId: string;
            /** @description The `webhook-id` header: the same on every attempt, for de-duplication */
            eventId: string;
            eventType: string;
            entityId: string;
            /** Format: date-time */
            occurredAt: string;
            /** @description failed: every attempt failed; replay it once the receiver works */
            status: "pending" | "sending" | "delivered" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastStatusCode: number | null;
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * Problem
         * @description RFC 9457 problem details
         * @example {
         *       "type": "https://mentoring.hhs.gov/problems/forbidden",
         *       "title": "Forbidden",
         *       "status": 403,
         *       "detail": "This needs the scope reports:read (R-API-2).",
         *       "instance": "/api/v1/reports/participation",
         *       "requestId": "8f2c1d2e-4b7a-4c1e-9f00-1a2b3c4d5e6f"
         *     }
         */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            rule?: string;
            refusals?: {
                rule: string;
                detail: string;
            }[];
            errors?: {
                /** @description JSON pointer to the offending field, e.g. /body/capacity */
                field: string;
                message: string;
            }[];
            requestId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same JWT as the session cookie, for API callers (Authorization: Bearer) */
                        token: string;
                        expiresInSeconds: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthProviders"];
                };
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Work email as in the HHS directory
                     */
                    email: string;
                    /** @description At least 15 characters; no composition rules */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same answer whoever the email belongs to (no account enumeration) */
                        message: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthVerifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token from the emailed link */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same JWT as the session cookie, for API callers (Authorization: Bearer) */
                        token: string;
                        expiresInSeconds: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthPasswordResetRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Work email as in the HHS directory
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same answer whoever the email belongs to (no account enumeration) */
                        message: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token from the emailed link */
                    token: string;
                    /** @description At least 15 characters; no composition rules */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same answer whoever the email belongs to (no account enumeration) */
                        message: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthOidcLogin: {
        parameters: {
            query?: {
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Single sign-on is not set up on this server */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthOidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Single sign-on is not set up on this server */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthOidcLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Single sign-on is not set up on this server */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentPageSummary"][];
                };
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContentBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentPage"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContentBySlugSectionsBySectionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                sectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentSection"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGuidance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guidance"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContentBySlugVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        slug: string;
                        currentVersion: number | null;
                        items: components["schemas"]["ContentVersionSummary"][];
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postContentBySlugVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    markdown: string;
                    /** @description What changed, for the history */
                    note?: string;
                    /** @description Publish at once, or keep as a draft */
                    publish: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentVersion"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContentBySlugVersionsByVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentVersion"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postContentBySlugVersionsByVersionPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentVersion"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDirectory: {
        parameters: {
            query?: {
                /** @description Name or name prefix */
                q?: string;
                opdiv?: string;
                state?: string;
                city?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Employee"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDirectoryById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employee"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeApplications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mentor: components["schemas"]["MentorApplication"] | null;
                        mentee: components["schemas"]["MenteeApplication"] | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeApplicationsMentor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bio: string;
                    education: string;
                    positions: {
                        title: string;
                        organization: string;
                        years: number;
                    }[];
                    communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                    /**
                     * @description R-CONTENT-2: the applicant acknowledges the role's responsibilities
                     * @enum {boolean}
                     */
                    acknowledgeResponsibilities: true;
                    competencies: string[];
                    technicalAreas: string;
                    platforms: ("s2j" | "p2p")[];
                    /** @description R-CAP-1: 1 to the program maximum */
                    capacity: number;
                    acceptsOtherOpdivs: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentorApplication"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeApplicationsMentee: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bio: string;
                    education: string;
                    positions: {
                        title: string;
                        organization: string;
                        years: number;
                    }[];
                    communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                    /**
                     * @description R-CONTENT-2: the applicant acknowledges the role's responsibilities
                     * @enum {boolean}
                     */
                    acknowledgeResponsibilities: true;
                    /** @description Competency codes, most important first */
                    developmentalNeeds: string[];
                    shortTermGoals: string;
                    longTermGoals: string;
                    /** @description s2j = Senior-to-Junior, p2p = Peer-to-Peer */
                    platform: "s2j" | "p2p";
                    locationPreference: "same_location" | "same_opdiv" | "cross_opdiv" | "no_preference";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenteeApplication"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeApplicationsMentorPause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentorApplication"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeApplicationsMentorResume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentorApplication"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeApplicationsByRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role: "mentor" | "mentee";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCompetencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Competency"][];
                };
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpdivs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Opdiv"][];
                };
            };
            /** @description The request is not valid (field errors listed), or its address is malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramSettings"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Scorer weights (R-MATCH-1) */
                    weights: {
                        needs: number;
                        goals: number;
                        platform: number;
                        geography: number;
                        communication: number;
                        capacity: number;
                    };
                    /** @description Program maximum mentees per mentor (R-CAP-1) */
                    maxCapacity: number;
                    /** @description R-CAP-3 */
                    maxOpenInvitations: number;
                    invitationExpiryDays: number;
                    /** @description R-ADMIN-2 small-group suppression */
                    reportMinGroupSize: number;
                    /** @description R-LIFE-7 */
                    terminationMinMonths: number;
                    /** @description R-NUDGE-1: days after applying when an unmatched mentee is reminded, first then second */
                    nudgeUnmatchedDays: number[];
                    /** @description R-NUDGE-2: days a pending invitation waits before its mentor is reminded (before it expires) */
                    nudgeInvitationDays: number;
                    /** @description R-NUDGE-3: days an accepted invitation waits before its mentee is reminded to confirm */
                    nudgeUnconfirmedDays: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramSettings"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeSuggestions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            mentor: components["schemas"]["MentorCard"];
                            /** @description 0..100 */
                            score: number;
                            criteria: {
                                key: string;
                                weight: number;
                                score: number;
                                explanation: string;
                            }[];
                            reasons: string[];
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMenteesByEmployeeIdSuggestions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                employeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            mentor: components["schemas"]["MentorCard"];
                            /** @description 0..100 */
                            score: number;
                            criteria: {
                                key: string;
                                weight: number;
                                score: number;
                                explanation: string;
                            }[];
                            reasons: string[];
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMentors: {
        parameters: {
            query?: {
                /** @description Name or expertise */
                q?: string;
                opdiv?: string;
                state?: string;
                city?: string;
                competency?: string;
                expertise?: string;
                /** @description s2j = Senior-to-Junior, p2p = Peer-to-Peer */
                platform?: "s2j" | "p2p";
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["MentorCard"] & {
                            relevance: number;
                        })[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMentorsByEmployeeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                employeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentorProfile"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvitations: {
        parameters: {
            query?: {
                role?: "mentee" | "mentor";
                state?: "pending" | "accepted" | "declined" | "withdrawn" | "expired" | "confirmed" | "closed";
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Invitation"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mentorId: string;
                    message: string;
                    /** @description R-INVT-2: the pair already agreed; the mentor's acceptance confirms at once */
                    alreadyAgreed?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvitationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvitationsByIdContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationContext"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitationsByIdWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitationsByIdAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitationsByIdDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: "time_constraints" | "mentoring_preferences" | "other";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitationsByIdConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationships: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Relationship"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeSharedIdps: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SharedIdp"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdOrientation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    attendedAt?: string;
                    /** @description R-LIFE-1: an orientation attended within the last 12 months */
                    waived?: boolean;
                    /** Format: date-time */
                    earlierOrientationAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdTerminationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdTerminationRequestWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdTerminationGuidance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdTerminate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relationship"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        goals: string;
                        meetingFrequency: string;
                        meetingLength: string;
                        communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                        confidentiality: string;
                        boundaries: string;
                        noFaultTermination: boolean;
                        cadence: ("weekly" | "every_2_weeks" | "every_4_weeks" | "monthly") | null;
                        usualMode: ("in_person" | "phone" | "video") | null;
                        mentorSignature: string | null;
                        mentorSignedAt: string | null;
                        menteeSignature: string | null;
                        menteeSignedAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRelationshipsByIdAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    goals: string;
                    meetingFrequency: string;
                    meetingLength: string;
                    communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                    confidentiality: string;
                    boundaries: string;
                    noFaultTermination: boolean;
                    cadence?: ("weekly" | "every_2_weeks" | "every_4_weeks" | "monthly") | null;
                    usualMode?: ("in_person" | "phone" | "video") | null;
                    /** @description The version you read (or send If-Match); 0 to create */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        goals: string;
                        meetingFrequency: string;
                        meetingLength: string;
                        communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                        confidentiality: string;
                        boundaries: string;
                        noFaultTermination: boolean;
                        cadence: ("weekly" | "every_2_weeks" | "every_4_weeks" | "monthly") | null;
                        usualMode: ("in_person" | "phone" | "video") | null;
                        mentorSignature: string | null;
                        mentorSignedAt: string | null;
                        menteeSignature: string | null;
                        menteeSignedAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdAgreementSign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version you read (or send If-Match); 0 to create */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        goals: string;
                        meetingFrequency: string;
                        meetingLength: string;
                        communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                        confidentiality: string;
                        boundaries: string;
                        noFaultTermination: boolean;
                        cadence: ("weekly" | "every_2_weeks" | "every_4_weeks" | "monthly") | null;
                        usualMode: ("in_person" | "phone" | "video") | null;
                        mentorSignature: string | null;
                        mentorSignedAt: string | null;
                        menteeSignature: string | null;
                        menteeSignedAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdAgreementComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        goals: string;
                        meetingFrequency: string;
                        meetingLength: string;
                        communicationMethods: ("in_person" | "phone" | "video" | "email")[];
                        confidentiality: string;
                        boundaries: string;
                        noFaultTermination: boolean;
                        cadence: ("weekly" | "every_2_weeks" | "every_4_weeks" | "monthly") | null;
                        usualMode: ("in_person" | "phone" | "video") | null;
                        mentorSignature: string | null;
                        mentorSignedAt: string | null;
                        menteeSignature: string | null;
                        menteeSignedAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdIdp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        strengths: string;
                        developmentalNeeds: string[];
                        objectives: {
                            text: string;
                            competency?: string;
                        }[];
                        activities: {
                            kind: "training" | "detail" | "on_the_job" | "shadowing" | "reading" | "other";
                            description: string;
                            /** Format: date */
                            targetDate: string;
                            status: "planned" | "in_progress" | "done" | "dropped";
                        }[];
                        reviewDates: string[];
                        supervisorInput: string | null;
                        supervisorInputAt: string | null;
                        sharedWithSupervisorAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRelationshipsByIdIdp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    strengths: string;
                    developmentalNeeds: string[];
                    objectives: {
                        text: string;
                        competency?: string;
                    }[];
                    activities: {
                        kind: "training" | "detail" | "on_the_job" | "shadowing" | "reading" | "other";
                        description: string;
                        /** Format: date */
                        targetDate: string;
                        status: "planned" | "in_progress" | "done" | "dropped";
                    }[];
                    reviewDates: string[];
                    /** @description The version you read (or send If-Match); 0 to create */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        strengths: string;
                        developmentalNeeds: string[];
                        objectives: {
                            text: string;
                            competency?: string;
                        }[];
                        activities: {
                            kind: "training" | "detail" | "on_the_job" | "shadowing" | "reading" | "other";
                            description: string;
                            /** Format: date */
                            targetDate: string;
                            status: "planned" | "in_progress" | "done" | "dropped";
                        }[];
                        reviewDates: string[];
                        supervisorInput: string | null;
                        supervisorInputAt: string | null;
                        sharedWithSupervisorAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdIdpShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        strengths: string;
                        developmentalNeeds: string[];
                        objectives: {
                            text: string;
                            competency?: string;
                        }[];
                        activities: {
                            kind: "training" | "detail" | "on_the_job" | "shadowing" | "reading" | "other";
                            description: string;
                            /** Format: date */
                            targetDate: string;
                            status: "planned" | "in_progress" | "done" | "dropped";
                        }[];
                        reviewDates: string[];
                        supervisorInput: string | null;
                        supervisorInputAt: string | null;
                        sharedWithSupervisorAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRelationshipsByIdIdpSupervisorInput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    input: string;
                    /** @description The version you read (or send If-Match); 0 to create */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        strengths: string;
                        developmentalNeeds: string[];
                        objectives: {
                            text: string;
                            competency?: string;
                        }[];
                        activities: {
                            kind: "training" | "detail" | "on_the_job" | "shadowing" | "reading" | "other";
                            description: string;
                            /** Format: date */
                            targetDate: string;
                            status: "planned" | "in_progress" | "done" | "dropped";
                        }[];
                        reviewDates: string[];
                        supervisorInput: string | null;
                        supervisorInputAt: string | null;
                        sharedWithSupervisorAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdIdpComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        relationshipId: string;
                        strengths: string;
                        developmentalNeeds: string[];
                        objectives: {
                            text: string;
                            competency?: string;
                        }[];
                        activities: {
                            kind: "training" | "detail" | "on_the_job" | "shadowing" | "reading" | "other";
                            description: string;
                            /** Format: date */
                            targetDate: string;
                            status: "planned" | "in_progress" | "done" | "dropped";
                        }[];
                        reviewDates: string[];
                        supervisorInput: string | null;
                        supervisorInputAt: string | null;
                        sharedWithSupervisorAt: string | null;
                        completedAt: string | null;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdProgressReportsByRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                role: "mentor" | "mentee";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meetingsHeld: number;
                        objectivesProgress: string;
                        relationshipRating: number | null;
                        concerns: string;
                        /** @description R-LIFE-4: I would like the coordinator to contact me */
                        wantsCoordinatorContact: boolean;
                        lastMeetingAt: string | null;
                        relationshipId: string;
                        role: string;
                        submittedAt: string | null;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRelationshipsByIdProgressReportsByRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                role: "mentor" | "mentee";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    meetingsHeld: number;
                    objectivesProgress: string;
                    relationshipRating: number | null;
                    concerns: string;
                    /** @description R-LIFE-4: I would like the coordinator to contact me */
                    wantsCoordinatorContact: boolean;
                    /** @description Submit (final); otherwise a draft */
                    submit?: boolean;
                    /** @description The version you read (or send If-Match); 0 to create */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meetingsHeld: number;
                        objectivesProgress: string;
                        relationshipRating: number | null;
                        concerns: string;
                        /** @description R-LIFE-4: I would like the coordinator to contact me */
                        wantsCoordinatorContact: boolean;
                        lastMeetingAt: string | null;
                        relationshipId: string;
                        role: string;
                        submittedAt: string | null;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdCompletionSurveysByRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                role: "mentor" | "mentee";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        programObjectives: number | null;
                        selectionMatching: number | null;
                        relationship: number | null;
                        training: number | null;
                        programSupport: number | null;
                        comments: string;
                        wouldRecommend: number | null;
                        relationshipId: string;
                        role: string;
                        submittedAt: string | null;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRelationshipsByIdCompletionSurveysByRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                role: "mentor" | "mentee";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    programObjectives: number | null;
                    selectionMatching: number | null;
                    relationship: number | null;
                    training: number | null;
                    programSupport: number | null;
                    comments: string;
                    wouldRecommend: number | null;
                    /** @description Submit (final); otherwise a draft */
                    submit?: boolean;
                    /** @description The version you read (or send If-Match); 0 to create */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        programObjectives: number | null;
                        selectionMatching: number | null;
                        relationship: number | null;
                        training: number | null;
                        programSupport: number | null;
                        comments: string;
                        wouldRecommend: number | null;
                        relationshipId: string;
                        role: string;
                        submittedAt: string | null;
                        updatedAt: string | null;
                        version: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since you read it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeNotifications: {
        parameters: {
            query?: {
                /** @description Only unread notifications */
                unread?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeNotificationsUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unread: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeNotificationsByIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeNotificationsReadAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many became read */
                        marked: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "scope": "directory:write"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    grant_type?: string;
                    scope?: string;
                    client_id?: string;
                    client_secret?: string;
                };
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "scope": "directory:write"
                 *     }
                 */
                "application/json": {
                    grant_type?: string;
                    scope?: string;
                    client_id?: string;
                    client_secret?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl",
                     *       "token_type": "Bearer",
                     *       "expires_in": 900,
                     *       "scope": "directory:write"
                     *     }
                     */
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                        expires_in: number;
                        scope: string;
                    };
                };
            };
            /** @description RFC 6749 §5.2 error, with the RFC 9457 members alongside */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: "invalid_request" | "invalid_client" | "invalid_scope" | "unsupported_grant_type";
                        error_description: string;
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                    };
                };
            };
            /** @description RFC 6749 §5.2 error, with the RFC 9457 members alongside */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: "invalid_request" | "invalid_client" | "invalid_scope" | "unsupported_grant_type";
                        error_description: string;
                        type: string;
                        title: string;
                        status: number;
                        detail: string;
                    };
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSystemClients: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a",
                     *           "name": "HR nightly feed",
                     *           "scopes": [
                     *             "directory:write",
                     *             "directory:read"
                     *           ],
                     *           "createdBy": "2d0c6f4e-1b7a-4e8f-9c3d-5a6b7c8d9e0f",
                     *           "createdAt": "2027-01-15T14:00:00.000Z",
                     *           "lastTokenAt": "2027-03-04T02:00:05.000Z",
                     *           "revokedAt": null
                     *         }
                     *       ],
                     *       "limit": 20,
                     *       "next": "/api/v1/system-clients?cursor=WyJ2MSIsIjIwMjctMDEtMTUiXQ&limit=20"
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["SystemClient"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSystemClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description e.g. "HHS HR Connect feed" */
                    name: string;
                    scopes: ("directory:write" | "training:write" | "reports:read" | "directory:read" | "audit:read" | "webhooks:manage")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemClient"] & {
                        /** @description Shown once; store it in the calling system’s vault */
                        clientSecret: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSystemClientsByIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemClient"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIntegrationsHrEmployees: {
        parameters: {
            query?: {
                /** @description Only these employees: up to 100 comma-separated ids (e.g. those the employees change feed named) */
                ids?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "E1048576",
                     *           "firstName": "Ada",
                     *           "lastName": "Rivera",
                     *           "email": "ada.rivera@hhs.gov",
                     *           "phone": null,
                     *           "opdiv": "CDC",
                     *           "payPlan": "GS",
                     *           "grade": "13",
                     *           "occupationSeries": "0685",
                     *           "occupationTitle": "Public Health Advisor",
                     *           "city": "Atlanta",
                     *           "state": "GA",
                     *           "timeZone": "America/New_York",
                     *           "supervisorId": null,
                     *           "active": true,
                     *           "commissionedCorps": false,
                     *           "updatedAt": "2027-03-04T02:00:05.000Z"
                     *         }
                     *       ],
                     *       "limit": 100,
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description HR’s stable employee id */
                            id: string;
                            firstName: string;
                            lastName: string;
                            email: string;
                            /** @description OPDIV/STAFFDIV code, e.g. CDC */
                            opdiv: string;
                            /** @description GS, GM, ES, CC … */
                            payPlan: string;
                            /** @description Grade within the pay plan: 13, O-5 …; empty for ES/SL/ST */
                            grade: string;
                            occupationSeries: string;
                            occupationTitle: string;
                            city: string;
                            state: string;
                            timeZone: string;
                            commissionedCorps: boolean;
                            /** @description false when the person left HHS */
                            active: boolean;
                            phone: string | null;
                            supervisorId: string | null;
                            /**
                             * Format: date-time
                             * @description When the directory last changed this entry
                             */
                            updatedAt: string;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postIntegrationsHrEmployees: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "employees": [
                 *         {
                 *           "id": "E1048576",
                 *           "firstName": "Ada",
                 *           "lastName": "Rivera",
                 *           "email": "ada.rivera@hhs.gov",
                 *           "phone": null,
                 *           "opdiv": "CDC",
                 *           "payPlan": "GS",
                 *           "grade": "13",
                 *           "occupationSeries": "0685",
                 *           "occupationTitle": "Public Health Advisor",
                 *           "city": "Atlanta",
                 *           "state": "GA",
                 *           "timeZone": "America/New_York",
                 *           "supervisorId": null,
                 *           "active": true
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    employees: {
                        /** @description HR’s stable employee id */
                        id: string;
                        firstName: string;
                        lastName: string;
                        email: string;
                        phone?: null | string;
                        /** @description OPDIV/STAFFDIV code, e.g. CDC */
                        opdiv: string;
                        /** @description GS, GM, ES, CC … */
                        payPlan: string;
                        /** @description Grade within the pay plan: 13, O-5 …; empty for ES/SL/ST */
                        grade: string;
                        occupationSeries: string;
                        occupationTitle: string;
                        city: string;
                        state: string;
                        timeZone: string;
                        supervisorId?: string | null;
                        commissionedCorps?: boolean;
                        /** @description false when the person left HHS */
                        active?: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": 1,
                     *       "inserted": 0,
                     *       "updated": 1,
                     *       "unchanged": 0,
                     *       "pairAlerts": 0
                     *     }
                     */
                    "application/json": {
                        received: number;
                        inserted: number;
                        updated: number;
                        unchanged: number;
                        /** @description Live S2J pairs whose rules this batch broke; their coordinators were alerted */
                        pairAlerts: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postIntegrationsLmsCompletions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "completions": [
                 *         {
                 *           "employeeId": "E1048576",
                 *           "lmsCourseId": "HHS-MENTOR-101",
                 *           "completedAt": "2027-03-04T15:30:00Z"
                 *         },
                 *         {
                 *           "email": "someone.else@hhs.gov",
                 *           "lmsCourseId": "HHS-MENTOR-101",
                 *           "completedAt": "2027-03-04T15:31:00Z"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    completions: {
                        employeeId?: string;
                        email?: string;
                        lmsCourseId?: string;
                        /** Format: uuid */
                        eventId?: string;
                        /** Format: date-time */
                        completedAt: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recorded": 1,
                     *       "alreadyRecorded": 0,
                     *       "rejected": 1,
                     *       "rows": [
                     *         {
                     *           "index": 0,
                     *           "status": "recorded"
                     *         },
                     *         {
                     *           "index": 1,
                     *           "status": "unknown_employee",
                     *           "detail": "No employee has this email."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        recorded: number;
                        alreadyRecorded: number;
                        rejected: number;
                        /** @description One entry per completion, in the order sent */
                        rows: {
                            index: number;
                            status: "recorded" | "already_recorded" | "unknown_employee" | "unknown_event" | "invalid";
                            detail?: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationDashboard: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoordinatorDashboard"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationUnmatched: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            menteeId: string;
                            name: string;
                            opdiv: string;
                            platform: "s2j" | "p2p";
                            daysWaiting: number;
                            openInvitations: number;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationTerminationRequests: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            relationshipId: string;
                            mentee: {
                                id: string;
                                name: string;
                                opdiv: string;
                            };
                            mentor: {
                                id: string;
                                name: string;
                                opdiv: string;
                            };
                            platform: string;
                            /** Format: date-time */
                            confirmedAt: string;
                            requestedBy: string;
                            reason: string;
                            /** Format: date-time */
                            requestedAt: string;
                            daysWaiting: number;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationThirdPartyCases: {
        parameters: {
            query?: {
                opdiv?: string;
                status?: "open" | "shortlisted" | "closed";
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ThirdPartyCase"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationThirdPartyCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    menteeId: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThirdPartyCase"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationThirdPartyCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThirdPartyCase"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationThirdPartyCasesByIdCandidates: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            mentor: components["schemas"]["MentorCard"];
                            /** @description 0..100 */
                            score: number;
                            criteria: {
                                key: string;
                                weight: number;
                                score: number;
                                explanation: string;
                            }[];
                            reasons: string[];
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationThirdPartyCasesByIdContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mentorId: string;
                    /** Format: date-time */
                    contactedAt?: string;
                    outcome: "interested" | "not_interested" | "no_answer";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThirdPartyCase"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationThirdPartyCasesByIdShortlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mentorIds: string[];
                    note: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThirdPartyCase"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationThirdPartyCasesByIdClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThirdPartyCase"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeShortlists: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            source: string;
                            note: string;
                            /** Format: date-time */
                            handedAt: string;
                            mentors: components["schemas"]["MentorCard"][];
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationCohortProposals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Scope; default: all the OPDIVs you cover (department for the program manager) */
                    opdiv?: string;
                    /** @description Each mentee's best K mentors start the solve (default 25); the certificate widens where it must (R-MATCH-4-OPT) */
                    topK?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CohortProposal"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationCohortProposalsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CohortProposal"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationCohortProposalsByIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default: every proposed pair */
                    pairIds?: string[];
                    /** @description invitation (default): sent on the mentee's behalf; suggestion: handed to the mentee as a shortlist */
                    mode?: "invitation" | "suggestion";
                    message?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposal: components["schemas"]["CohortProposal"];
                        mode: string;
                        results: {
                            pairId: string;
                            menteeId: string;
                            mentorId: string;
                            status: string;
                            invitationId: string | null;
                            shortlistId: string | null;
                            refusal: {
                                rule: string;
                                detail: string;
                            } | null;
                            alreadyDecided: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed (a role or a scope is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationCohortRuns: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CohortRun"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReportsByReport: {
        parameters: {
            query?: {
                /** @description One OPDIV; default: all you may see (coordinators: theirs; program manager and systems: HHS) */
                opdiv?: string;
                /** @description First day (default: 12 months before `to`) */
                from?: string;
                /** @description Last day, included (default: now) */
                to?: string;
                format?: "json" | "csv";
                /** @description CSV header row: the stable column keys (default, for systems) or the columns named in words (for people); the cells are the same */
                header?: "keys" | "words";
            };
            header?: never;
            path: {
                report: "participation" | "matching" | "outcomes" | "evaluation";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report as JSON, or as a CSV attachment (UTF-8 with BOM) when format=csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "report": "participation",
                     *       "scope": [
                     *         "CDC"
                     *       ],
                     *       "from": "2027-01-01T00:00:00.000Z",
                     *       "to": "2027-03-31T23:59:59.999Z",
                     *       "generatedAt": "2027-04-01T06:00:00.000Z",
                     *       "columns": [
                     *         "opdiv",
                     *         "role",
                     *         "participants"
                     *       ],
                     *       "rows": [
                     *         {
                     *           "opdiv": "CDC",
                     *           "role": "mentee",
                     *           "participants": 42
                     *         },
                     *         {
                     *           "opdiv": "CDC",
                     *           "role": "mentor",
                     *           "participants": 31
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Report"];
                    /**
                     * @example opdiv,role,participants
                     *     CDC,mentee,42
                     *     CDC,mentor,31
                     */
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAdminCoordinators: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            opdiv: string;
                            /** Format: date-time */
                            createdAt: string;
                            employee: {
                                id: string;
                                name: string;
                                email: string;
                                opdiv: string;
                            };
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAdminCoordinators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId?: string;
                    employeeId?: string;
                    /** @description Work email, as in the directory */
                    email?: string;
                    /** @description OPDIV/STAFFDIV code, e.g. CDC */
                    opdiv: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        userId: string;
                        opdiv: string;
                        /** Format: date-time */
                        createdAt: string;
                        employee: {
                            id: string;
                            name: string;
                            email: string;
                            opdiv: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAdminCoordinatorsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationContactRequests: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
                status?: "open" | "resolved" | "all";
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            relationshipId: string;
                            requestedBy: {
                                id: string;
                                name: string;
                                opdiv: string;
                            };
                            /** @description The requester's side of the pair */
                            role: "mentee" | "mentor";
                            mentee: {
                                id: string;
                                name: string;
                                opdiv: string;
                            };
                            mentor: {
                                id: string;
                                name: string;
                                opdiv: string;
                            };
                            /** @description What raised it, e.g. progress_report */
                            source: string;
                            /** Format: date-time */
                            createdAt: string;
                            resolvedAt: string | null;
                            /** @description Employee id of the staff member who resolved it */
                            resolvedBy: string | null;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCoordinationContactRequestsByIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        relationshipId: string;
                        requestedBy: {
                            id: string;
                            name: string;
                            opdiv: string;
                        };
                        /** @description The requester's side of the pair */
                        role: "mentee" | "mentor";
                        mentee: {
                            id: string;
                            name: string;
                            opdiv: string;
                        };
                        mentor: {
                            id: string;
                            name: string;
                            opdiv: string;
                        };
                        /** @description What raised it, e.g. progress_report */
                        source: string;
                        /** Format: date-time */
                        createdAt: string;
                        resolvedAt: string | null;
                        /** @description Employee id of the staff member who resolved it */
                        resolvedBy: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrainingEvents: {
        parameters: {
            query?: {
                kind?: "orientation_online" | "orientation_instructor" | "lunch_and_learn" | "online_course";
                competency?: string;
                from?: string;
                to?: string;
                includeCancelled?: boolean;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TrainingEvent"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTrainingEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "orientation_online" | "orientation_instructor" | "lunch_and_learn" | "online_course";
                    title: string;
                    description?: string;
                    /** @description Lunch and Learn: one of the eight focus competencies */
                    competencyCode?: string | null;
                    opdiv?: string | null;
                    startsAt?: string | null;
                    endsAt?: string | null;
                    location?: string | null;
                    lmsUrl?: string | null;
                    lmsCourseId?: string | null;
                    capacity?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingEvent"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrainingEventsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingEvent"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchTrainingEventsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind?: "orientation_online" | "orientation_instructor" | "lunch_and_learn" | "online_course";
                    title?: string;
                    description?: string;
                    /** @description Lunch and Learn: one of the eight focus competencies */
                    competencyCode?: string | null;
                    opdiv?: string | null;
                    startsAt?: string | null;
                    endsAt?: string | null;
                    location?: string | null;
                    lmsUrl?: string | null;
                    lmsCourseId?: string | null;
                    capacity?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingEvent"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTrainingEventsByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingEvent"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTrainingEventsByIdRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        eventId: string;
                        employeeId: string;
                        status: "registered" | "waitlisted" | "cancelled";
                        waitlistPosition: number | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTrainingEventsByIdRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        eventId: string;
                        employeeId: string;
                        status: "registered" | "waitlisted" | "cancelled";
                        waitlistPosition: number | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrainingEventsByIdRoster: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            employeeId: string;
                            name: string;
                            opdiv: string;
                            /** @description null = attended without registering (e.g. LMS) */
                            status: ("registered" | "waitlisted" | "cancelled") | null;
                            registeredAt: string | null;
                            attendedAt: string | null;
                            attendanceSource: "lms" | "coordinator" | null;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTrainingEventsByIdAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    employeeIds: string[];
                    /** Format: date-time */
                    attendedAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recorded: number;
                        alreadyRecorded: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTrainingEventsByIdEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rating: number;
                    comments?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                        count: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrainingEventsByIdEvaluations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                        count: number;
                        averageRating: number | null;
                        distribution: {
                            1: number;
                            2: number;
                            3: number;
                            4: number;
                            5: number;
                        };
                        /** @description Without names, so people can be candid */
                        comments: string[];
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrainingMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lastOrientationAttendedAt: string | null;
                        /** @description An orientation within 12 months waives R-LIFE-1 */
                        orientationCurrent: boolean;
                        /** @description Where the latest orientation was recorded: a training attendance, or a pair's orientation recorded on the relationship */
                        orientationSource: "training" | "relationship" | null;
                        items: {
                            event: components["schemas"]["TrainingEvent"];
                            status: ("registered" | "waitlisted" | "cancelled") | null;
                            attendedAt: string | null;
                            evaluated: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description Actor id (employee id or client:<id>) */
                actor?: string;
                objectType?: string;
                objectId?: string;
                /** @description Action, or its prefix: "training." finds every training action */
                action?: string;
                from?: string;
                to?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": 90211,
                     *           "at": "2027-03-04T02:00:05.000Z",
                     *           "actorId": "client:5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a",
                     *           "actorLabel": "HR nightly feed",
                     *           "action": "employee.update",
                     *           "objectType": "employee",
                     *           "objectId": "E1048576",
                     *           "opdivs": [
                     *             "CDC"
                     *           ],
                     *           "ip": "10.20.30.40",
                     *           "requestId": "8f2c1d2e-4b7a-4c1e-9f00-1a2b3c4d5e6f",
                     *           "detail": {
                     *             "fields": [
                     *               "occupationTitle"
                     *             ]
                     *           }
                     *         }
                     *       ],
                     *       "limit": 100,
                     *       "next": "/api/v1/audit?actor=client%3A5c1d0a9e&cursor=WyJ2MSIsOTAyMTFd&limit=100"
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: number;
                            /** Format: date-time */
                            at: string;
                            /** @description Employee id, or client:<id> for a system client */
                            actorId: string | null;
                            actorLabel: string;
                            /**
                             * @description What was done (R-ADMIN-3); every action the API writes
                             * @enum {string}
                             */
                            action: "agreement.save" | "agreement.sign" | "agreement.complete" | "application.mentee.save" | "application.mentor.save" | "application.mentee.withdraw" | "application.mentor.withdraw" | "application.mentor.pause" | "application.mentor.resume" | "auth.login" | "auth.login_failed" | "auth.login_throttled" | "auth.logout_everywhere" | "auth.register" | "auth.register_existing" | "auth.register_refused" | "auth.register_link_refused" | "auth.email_verified" | "auth.password_reset" | "auth.password_reset_requested" | "auth.password_reset_link_refused" | "auth.oidc_linked" | "cohort_proposal.create" | "cohort_proposal.approve" | "completion_survey.save" | "completion_survey.submit" | "contact_request.resolve" | "content.draft" | "content.publish" | "coordinator.grant" | "coordinator.revoke" | "document.read" | "employee.create" | "employee.update" | "idp.save" | "idp.share" | "idp.supervisor_input" | "idp.complete" | "invitation.create" | "invitation.accept" | "invitation.decline" | "invitation.withdraw" | "invitation.confirm" | "oauth.token" | "oauth.token_refused" | "progress_report.save" | "progress_report.submit" | "relationship.orientation" | "relationship.termination_request" | "relationship.termination_withdraw" | "relationship.termination_guidance" | "relationship.terminate" | "relationship.hr_rule_alert" | "settings.update" | "system_client.create" | "system_client.revoke" | "third_party_case.open" | "third_party_case.contact" | "third_party_case.shortlist" | "third_party_case.close" | "training.registered" | "training.waitlisted" | "training.cancelled" | "training.attendance" | "training.evaluation" | "training_event.create" | "training_event.update" | "training_event.cancel" | "webhook_subscription.create" | "webhook_subscription.update" | "webhook_subscription.enable" | "webhook_subscription.disable" | "webhook_subscription.delete" | "webhook_delivery.replay";
                            objectType: string;
                            objectId: string | null;
                            opdivs: string[];
                            ip: string | null;
                            requestId: string | null;
                            detail: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendarByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdMeetings: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        summary: {
                            cadence: "weekly" | "every_2_weeks" | "every_4_weeks" | "monthly";
                            /** @description false: monthly by default until the agreement names a cadence (R-MEET-1) */
                            cadenceAgreed: boolean;
                            usualMode: ("in_person" | "phone" | "video") | null;
                            meetingsHeld: number;
                            lastMeetingAt: string | null;
                            nextMeeting: null | {
                                id: string;
                                /** Format: date-time */
                                startsAt: string;
                                timeZone: string;
                                state: string;
                            };
                            status: "on_track" | "nudge" | "quiet";
                            /** Format: date-time */
                            nudgeAt: string;
                            /** Format: date-time */
                            quietAt: string;
                        };
                        items: components["schemas"]["Meeting"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdMeetings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Start, with its offset (e.g. 2027-03-04T10:00:00-05:00)
                     */
                    startsAt: string;
                    /** @description IANA time zone the pair reads the time in, e.g. America/New_York */
                    timeZone: string;
                    durationMinutes: number;
                    mode: "in_person" | "phone" | "video";
                    /** @description Video link or room; empty for phone */
                    location: string;
                    agenda: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdMeetingsHeld: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Start, with its offset (e.g. 2027-03-04T10:00:00-05:00)
                     */
                    startsAt: string;
                    /** @description IANA time zone the pair reads the time in, e.g. America/New_York */
                    timeZone: string;
                    durationMinutes: number;
                    mode: "in_person" | "phone" | "video";
                    /** @description Video link or room; empty for phone */
                    location: string;
                    agenda: string;
                    /** @description Readable by its author only (R-MEET-5) */
                    privateNote: string;
                    /** @description Readable by both partners */
                    sharedNote: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeetingsByIdAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "accept";
                } | {
                    /** @enum {string} */
                    type: "decline";
                } | {
                    /** @enum {string} */
                    type: "cancel";
                } | {
                    /** @enum {string} */
                    type: "propose_other_time";
                    time: {
                        /**
                         * Format: date-time
                         * @description Start, with its offset (e.g. 2027-03-04T10:00:00-05:00)
                         */
                        startsAt: string;
                        /** @description IANA time zone the pair reads the time in, e.g. America/New_York */
                        timeZone: string;
                        durationMinutes: number;
                        mode: "in_person" | "phone" | "video";
                        /** @description Video link or room; empty for phone */
                        location: string;
                        agenda: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeetingsByIdRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Readable by its author only (R-MEET-5) */
                    privateNote: string;
                    /** @description Readable by both partners */
                    sharedNote: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeetingsByIdIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        createdAt: string | null;
                        /** @description Shown only when the feed is made; keep it secret */
                        url: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        createdAt: string | null;
                        /** @description Shown only when the feed is made; keep it secret */
                        url: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        createdAt: string | null;
                        /** @description Shown only when the feed is made; keep it secret */
                        url: string | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description No reminders (R-NUDGE-4); required notices still arrive */
                        nudgesOff: boolean;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description No reminders (R-NUDGE-4); required notices still arrive */
                    nudgesOff: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description No reminders (R-NUDGE-4); required notices still arrive */
                        nudgesOff: boolean;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdMessages: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kind: "relationship" | "invitation";
                        id: string;
                        open: boolean;
                        partnerName: string;
                        /** @description Read receipt: the partner has read messages up to this id */
                        partnerReadUpTo: number;
                        items: {
                            /** @description 0 for the invitation's own message, which opens its thread */
                            id: number;
                            authorId: string;
                            authorName: string;
                            mine: boolean;
                            /** @description Plain text; render as text, never as HTML (R-MSG-2) */
                            body: string;
                            /** Format: date-time */
                            sentAt: string;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 0 for the invitation's own message, which opens its thread */
                        id: number;
                        authorId: string;
                        authorName: string;
                        mine: boolean;
                        /** @description Plain text; render as text, never as HTML (R-MSG-2) */
                        body: string;
                        /** Format: date-time */
                        sentAt: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvitationsByIdMessages: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kind: "relationship" | "invitation";
                        id: string;
                        open: boolean;
                        partnerName: string;
                        /** @description Read receipt: the partner has read messages up to this id */
                        partnerReadUpTo: number;
                        items: {
                            /** @description 0 for the invitation's own message, which opens its thread */
                            id: number;
                            authorId: string;
                            authorName: string;
                            mine: boolean;
                            /** @description Plain text; render as text, never as HTML (R-MSG-2) */
                            body: string;
                            /** Format: date-time */
                            sentAt: string;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitationsByIdMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 0 for the invitation's own message, which opens its thread */
                        id: number;
                        authorId: string;
                        authorName: string;
                        mine: boolean;
                        /** @description Plain text; render as text, never as HTML (R-MSG-2) */
                        body: string;
                        /** Format: date-time */
                        sentAt: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeMessagesUnread: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            kind: "relationship" | "invitation";
                            id: string;
                            unread: number;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeWaitlists: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            mentorId: string;
                            mentorName: string;
                            /** Format: date-time */
                            joinedAt: string;
                            notifiedAt: string | null;
                            /** @description 1 = next to be told; null once told of a place */
                            position: number | null;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeWaitlistsByMentorId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mentorId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mentorId: string;
                        mentorName: string;
                        /** Format: date-time */
                        joinedAt: string;
                        notifiedAt: string | null;
                        /** @description 1 = next to be told; null once told of a place */
                        position: number | null;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMeWaitlistsByMentorId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mentorId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelationshipsByIdEarlyCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agreed: {
                            mentor: string | null;
                            mentee: string | null;
                            coordinator: string | null;
                        };
                        /** Format: date-time */
                        allowedFrom: string;
                        completedEarly: boolean;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRelationshipsByIdEarlyCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agreed: {
                            mentor: string | null;
                            mentee: string | null;
                            coordinator: string | null;
                        };
                        /** Format: date-time */
                        allowedFrom: string;
                        completedEarly: boolean;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationQuietPairs: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            relationshipId: string;
                            menteeName: string;
                            mentorName: string;
                            menteeOpdiv: string;
                            mentorOpdiv: string;
                            cadence: "weekly" | "every_2_weeks" | "every_4_weeks" | "monthly";
                            lastMeetingAt: string | null;
                            /** Format: date-time */
                            confirmedAt: string;
                            daysSinceMeeting: number;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoordinationPairYear: {
        parameters: {
            query?: {
                /** @description OPDIV/STAFFDIV code, e.g. CDC */
                opdiv?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        quietPairs: number;
                        meetingsHeldLast30Days: number;
                        remindersLast30Days: {
                            cadence: number;
                            unmatched: number;
                            invitation: number;
                            unconfirmed: number;
                            /** @description New mentors in a mentee's top 5 (R-WAIT-5) */
                            newMentor: number;
                        };
                        /** @description Reminder emails still in the outbox, not yet delivered (R-NUDGE-5) */
                        remindersAwaitingDelivery: number;
                        menteesWaiting: number;
                        completedEarly: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChangesByFeed: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path: {
                feed: "employees" | "applications" | "invitations" | "relationships" | "milestones" | "training-attendance";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0b6f1c52-3f0e-4a43-9a57-1d2c8f7e9a10",
                     *           "op": "update",
                     *           "changedAt": "2027-03-04T15:30:00.123Z"
                     *         }
                     *       ],
                     *       "limit": 100,
                     *       "next": null,
                     *       "resume": "WyJ2MSIsMTIzNDVd"
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @description The changed record: employee id, invitation or relationship id, `mentor:E…`/`mentee:E…` for applications, attendance id */
                            id: string;
                            op: "insert" | "update" | "delete";
                            /** Format: date-time */
                            changedAt: string;
                        }[];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                        /** @description The cursor to poll with later, also when `next` is null */
                        resume: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooks: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *           "clientId": "5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a",
                     *           "url": "https://warehouse.example.hhs.gov/mentoring-events",
                     *           "description": "Reporting warehouse",
                     *           "eventTypes": [
                     *             "relationship.*",
                     *             "milestone.*"
                     *           ],
                     *           "enabled": true,
                     *           "disabledReason": null,
                     *           "disabledAt": null,
                     *           "consecutiveFailures": 0,
                     *           "createdAt": "2027-03-01T14:00:00.000Z",
                     *           "updatedAt": "2027-03-01T14:00:00.000Z"
                     *         }
                     *       ],
                     *       "limit": 20,
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["WebhookSubscription"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://warehouse.example.hhs.gov/mentoring-events",
                 *       "description": "Reporting warehouse",
                 *       "eventTypes": [
                 *         "relationship.*",
                 *         "milestone.*"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Where deliveries are POSTed; https:// in production, and never a private or local address (R-HOOK-7) */
                    url: string;
                    eventTypes: ("invitation.*" | "relationship.*" | "milestone.*" | "training.completion.*" | "invitation.created" | "invitation.updated" | "invitation.deleted" | "relationship.created" | "relationship.updated" | "relationship.deleted" | "milestone.created" | "milestone.updated" | "training.completion.created" | "training.completion.updated" | "training.completion.deleted")[];
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *       "clientId": "5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a",
                     *       "url": "https://warehouse.example.hhs.gov/mentoring-events",
                     *       "description": "Reporting warehouse",
                     *       "eventTypes": [
                     *         "relationship.*",
                     *         "milestone.*"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "createdAt": "2027-03-01T14:00:00.000Z",
                     *       "updatedAt": "2027-03-01T14:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/BTVl5Q8/A4="
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookSubscription"] & {
                        /** @description The signing secret (`whsec_…`, Standard Webhooks): shown once, store it in your vault */
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *       "clientId": "5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a",
                     *       "url": "https://warehouse.example.hhs.gov/mentoring-events",
                     *       "description": "Reporting warehouse",
                     *       "eventTypes": [
                     *         "relationship.*",
                     *         "milestone.*"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "createdAt": "2027-03-01T14:00:00.000Z",
                     *       "updatedAt": "2027-03-01T14:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false
                 *     }
                 */
                "application/json": {
                    /** @description Where deliveries are POSTed; https:// in production, and never a private or local address (R-HOOK-7) */
                    url?: string;
                    eventTypes?: ("invitation.*" | "relationship.*" | "milestone.*" | "training.completion.*" | "invitation.created" | "invitation.updated" | "invitation.deleted" | "relationship.created" | "relationship.updated" | "relationship.deleted" | "milestone.created" | "milestone.updated" | "training.completion.created" | "training.completion.updated" | "training.completion.deleted")[];
                    description?: string;
                    /** @description false holds deliveries; true sends the held ones and clears the failure count */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *       "clientId": "5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a",
                     *       "url": "https://warehouse.example.hhs.gov/mentoring-events",
                     *       "description": "Reporting warehouse",
                     *       "eventTypes": [
                     *         "relationship.*",
                     *         "milestone.*"
                     *       ],
                     *       "enabled": false,
                     *       "disabledReason": "client",
                     *       "disabledAt": "2027-03-05T09:00:00.000Z",
                     *       "consecutiveFailures": 0,
                     *       "createdAt": "2027-03-01T14:00:00.000Z",
                     *       "updatedAt": "2027-03-01T14:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule refused the input */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooksByIdDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
                /** @description failed: every attempt failed; replay it once the receiver works */
                status?: "pending" | "sending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                     *           "subscriptionId": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *           "eventId": "evt_48213",
                     *           "eventType": "relationship.updated",
                     *           "entityId": "0b6f1c52-3f0e-4a43-9a57-1d2c8f7e9a10",
                     *           "occurredAt": "2027-03-04T15:30:00.123Z",
                     *           "status": "delivered",
                     *           "attempts": 1,
                     *           "nextAttemptAt": null,
                     *           "lastStatusCode": 204,
                     *           "deliveredAt": "2027-03-04T15:30:02.456Z",
                     *           "createdAt": "2027-03-04T15:30:00.123Z"
                     *         }
                     *       ],
                     *       "limit": 20,
                     *       "next": "/api/v1/webhooks/7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f/deliveries?cursor=WyJ2MSIsIjIwMjctMDMtMDQiXQ&limit=20"
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooksByIdDeliveriesByDeliveryId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                     *       "subscriptionId": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *       "eventId": "evt_48213",
                     *       "eventType": "relationship.updated",
                     *       "entityId": "0b6f1c52-3f0e-4a43-9a57-1d2c8f7e9a10",
                     *       "occurredAt": "2027-03-04T15:30:00.123Z",
                     *       "status": "delivered",
                     *       "attempts": 1,
                     *       "nextAttemptAt": null,
                     *       "lastStatusCode": 204,
                     *       "deliveredAt": "2027-03-04T15:30:02.456Z",
                     *       "createdAt": "2027-03-04T15:30:00.123Z",
                     *       "log": [
                     *         {
                     *           "attempt": 1,
                     *           "startedAt": "2027-03-04T15:30:02.101Z",
                     *           "durationMs": 355,
                     *           "outcome": "delivered",
                     *           "statusCode": 204,
                     *           "error": null,
                     *           "responseExcerpt": ""
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"] & {
                        /** @description The latest attempts first (50 at most) */
                        log: {
                            attempt: number;
                            /** Format: date-time */
                            startedAt: string;
                            durationMs: number;
                            outcome: "delivered" | "failed" | "refused";
                            statusCode: number | null;
                            error: string | null;
                            /** @description The first 256 bytes of your answer, at most */
                            responseExcerpt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhooksByIdDeliveriesByDeliveryIdReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                     *       "subscriptionId": "7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f",
                     *       "eventId": "evt_48213",
                     *       "eventType": "relationship.updated",
                     *       "entityId": "0b6f1c52-3f0e-4a43-9a57-1d2c8f7e9a10",
                     *       "occurredAt": "2027-03-04T15:30:00.123Z",
                     *       "status": "pending",
                     *       "attempts": 1,
                     *       "nextAttemptAt": "2027-03-05T09:00:00.000Z",
                     *       "lastStatusCode": 204,
                     *       "deliveredAt": null,
                     *       "createdAt": "2027-03-04T15:30:00.123Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A program rule or the current state refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookSubscription"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpointsByIdDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Opaque: the `next` of the previous page, as given */
                cursor?: string;
                /** @description failed: every attempt failed; replay it once the receiver works */
                status?: "pending" | "sending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description RFC 8288 `<next>; rel="next"` when another page follows */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        /** @description The page size used */
                        limit: number;
                        /** @description The next page (a URL path with its query), or null on the last page; also sent as a Link header */
                        next: string | null;
                        /** @description How many items match, where the list counts them cheaply (may change while you page) */
                        total?: number;
                    };
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExportsByName: {
        parameters: {
            query?: {
                /** @description Overrides the Accept header (text/csv or application/x-ndjson); default NDJSON */
                format?: "ndjson" | "csv";
                /** @description One OPDIV; default: all you may see (coordinators: theirs; program manager and systems: HHS) */
                opdiv?: string;
                /** @description Only these records: up to 100 comma-separated ids as the change feed gives them (not for survey-answers) */
                ids?: string;
                /** @description survey-answers: first day; whole closed quarters inside the range */
                from?: string;
                /** @description survey-answers: last day, included */
                to?: string;
            };
            header?: never;
            path: {
                name: "participants" | "relationships" | "training-attendance" | "survey-answers";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records, streamed: one JSON object per line (NDJSON), or CSV with a header row of the column keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"id":"3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b","employeeId":"E1048576","opdiv":"CDC","eventId":"6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f","eventKind":"online_course","eventTitle":"Mentoring 101","competencyCode":null,"lmsCourseId":"HHS-MENTOR-101","attendedAt":"2027-03-04T15:30:00.000Z","source":"lms"} */
                    "application/x-ndjson": string;
                    /**
                     * @example id,employeeId,opdiv,eventId,eventKind,eventTitle,competencyCode,lmsCourseId,attendedAt,source
                     *     3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b,E1048576,CDC,6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f,online_course,Mentoring 101,,HHS-MENTOR-101,2027-03-04T15:30:00.000Z,lms
                     */
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (field errors listed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for the Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable for a moment: try again after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
