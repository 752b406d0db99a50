import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link href="/">Go to your inspections</Link>
      </p>
    </>
  );
}
