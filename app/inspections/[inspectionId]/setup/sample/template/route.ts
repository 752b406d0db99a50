import { csvTemplateResponse, authoriseInspectionRequest } from '@/lib/http/inspection-route';
import { populationTemplateRows } from '@/lib/sampling/population-file';

/** The CSV template for the service's list of eligible cases. Lead inspectors and admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const access = await authoriseInspectionRequest(inspectionId, ['inspection.manage']);
  if (access instanceof Response) return access;
  return csvTemplateResponse(populationTemplateRows(), 'casemark-eligible-cases-template.csv');
}
