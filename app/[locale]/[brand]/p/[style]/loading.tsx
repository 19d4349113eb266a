export default function ProductLoading() {
  return (
    <div aria-busy="true">
      <div className="skeleton aspect-[3/4] w-full rounded-none" />
      <div className="space-y-2 px-4 pt-4">
        <div className="skeleton h-3 w-24" />
        <div className="skeleton h-5 w-3/4" />
        <div className="skeleton h-6 w-20" />
        <div className="mt-4 flex gap-2">
          {[0, 1, 2].map((i) => <div key={i} className="skeleton h-10 w-20 rounded-full" />)}
        </div>
        <div className="mt-4 grid grid-cols-5 gap-2">
          {[0, 1, 2, 3, 4].map((i) => <div key={i} className="skeleton h-10" />)}
        </div>
      </div>
    </div>
  );
}
