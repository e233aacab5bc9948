import { Navigate, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading } from '../../../components/ui/States';
import { useCompetencies, useProgramSettings } from '../../../lib/reference';
import { useSaveApplication } from '../api/mutations';
import { useMyApplications, useReflectionPrompts, useResponsibilities } from '../api/queries';
import type { MenteeInput, MentorInput, Role } from '../api/types';
import { ApplicationForm } from '../components/ApplicationForm';

export default function Apply() {
  const { role } = useParams();
  if (role !== 'mentor' && role !== 'mentee') return <Navigate to="/applications" replace />;
  return <ApplyAs role={role} key={role} />;
}

function ApplyAs({ role }: { role: Role }) {
  const navigate = useNavigate();
  const competencies = useCompetencies();
  const settings = useProgramSettings();
  const mine = useMyApplications();
  const responsibilities = useResponsibilities(role);
  const prompts = useReflectionPrompts();
  const { mentor: saveMentor, mentee: saveMentee } = useSaveApplication(() =>
    navigate(`/applications?saved=${role}`),
  );
  const save = role === 'mentor' ? saveMentor : saveMentee;
  const existing = mine.data?.[role] ?? null;

  const title = `${existing ? 'Update' : 'Apply as'} ${role === 'mentor' ? 'a mentor' : 'a mentee'}`;
  const error = competencies.error ?? mine.error;
  return (
    <>
      <PageHeading>{existing ? `Update my ${role} application` : title}</PageHeading>
      {error ? (
        <ErrorAlert error={error} heading="The form could not be loaded" />
      ) : competencies.isLoading || mine.isLoading || responsibilities.isLoading || !competencies.data ? (
        <Loading />
      ) : (
        <ApplicationForm
          role={role}
          existing={existing}
          competencies={competencies.data}
          responsibilities={responsibilities.items}
          reflectionPrompts={prompts}
          maxCapacity={settings.data?.value.maxCapacity ?? 5}
          submitting={save.isPending}
          problem={save.error}
          onSubmit={(body) =>
            role === 'mentor'
              ? saveMentor.mutate({ body: body as MentorInput })
              : saveMentee.mutate({ body: body as MenteeInput })
          }
        />
      )}
    </>
  );
}
