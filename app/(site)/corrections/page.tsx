import type { Metadata } from 'next';
import { CorrectionsList, correctionsMetadata } from './corrections-list';

export async function generateMetadata(): Promise<Metadata> {
  return correctionsMetadata(1);
}

export default function CorrectionsPage() {
  return <CorrectionsList page={1} />;
}
