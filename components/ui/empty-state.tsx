import Link from "next/link";

export function EmptyState({ title, body, action }: { title: string; body?: string; action?: { href: string; label: string } }) {
  return (
    <div className="flex flex-col items-center px-8 py-16 text-center" role="status">
      <svg viewBox="0 0 64 64" width="72" height="72" aria-hidden="true" className="text-brand/30">
        <path d="M20 14h24l8 10-6 4v24H18V28l-6-4z" fill="currentColor" />
      </svg>
      <p className="mt-4 text-base font-medium">{title}</p>
      {body ? <p className="mt-1 text-sm text-muted">{body}</p> : null}
      {action ? (
        <Link href={action.href} className="mt-6 rounded-full bg-brand px-6 py-2.5 text-sm font-medium text-white">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
